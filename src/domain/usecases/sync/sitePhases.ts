import { DomainError } from '../../model/errors';
import type { SyncRun } from '../../model/jobs';
import { counted, nextPhase, withCheckpoint } from './checkpoint';
import type { Step, StepResult } from './stepTypes';

/** Products with their seat capacity, and the org's directories (which the walks go through). */
export const workspacesStep: Step = async (run, { deps, meter }) => {
  const { orgId } = run.checkpoint;
  const products = await deps.directory.listProducts(orgId);
  const directories = await deps.directory.listDirectories(orgId);
  meter.pages += 1;
  if (directories.length === 0) {
    // Walking no directory would mark every user as having left: treat it as the upstream failure it is.
    throw new DomainError('UPSTREAM_FAILED', 'The organization lists no directory', { orgId });
  }
  await deps.products.upsertMany(products, run.generation);
  const listed = withCheckpoint(counted(run, { products: products.length }, 2), {
    directoryIds: directories.map((d) => d.id),
  });
  return { run: nextPhase(listed) };
};

const ended = async (run: SyncRun, deleted: Promise<number>): Promise<StepResult> => ({
  run: nextPhase(counted(run, { siteRowsDeleted: await deleted })),
});

/** Jira project role members (group actors expanded by the SiteDirectory); stale rows go after the full walk. */
export const projectUsersStep: Step = async (run, { deps, meter }) => {
  const page = await deps.site.projectRoleMembers(run.checkpoint.cursor);
  meter.pages += 1;
  await deps.siteStore.upsertProjectRoleMembers(page.items, run.generation);
  const next = counted(withCheckpoint(run, { cursor: page.next }), { projectRoleMembers: page.items.length }, 1);
  if (page.next !== null) return { run: next };
  return ended(next, deps.siteStore.deleteProjectRoleMembersNotSeenSince(run.generation));
};

/** JSM customers with their organizations; stale rows go after the full walk. */
export const customersStep: Step = async (run, { deps, meter }) => {
  const page = await deps.site.serviceDeskCustomers(run.checkpoint.cursor);
  meter.pages += 1;
  await deps.siteStore.upsertCustomers(page.items, run.generation);
  const next = counted(withCheckpoint(run, { cursor: page.next }), { customers: page.items.length }, 1);
  if (page.next !== null) return { run: next };
  return ended(next, deps.siteStore.deleteCustomersNotSeenSince(run.generation));
};
