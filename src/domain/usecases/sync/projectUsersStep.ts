import { counted, withCheckpoint } from './checkpoint';
import type { Step } from './stepTypes';
import { nextPhase } from './syncPlan';

/** Jira project role members (group actors expanded by the SiteDirectory); stale rows go after the full walk. */
export const projectUsersStep: Step = async (run, { deps, meter }) => {
  const page = await deps.site.projectRoleMembers(run.checkpoint.cursor);
  meter.pages += 1;
  await deps.siteStore.upsertProjectRoleMembers(page.items, run.generation);
  const next = counted(withCheckpoint(run, { cursor: page.next }), { projectRoleMembers: page.items.length }, 1);
  if (page.next !== null) return { run: next };
  const deleted = await deps.siteStore.deleteProjectRoleMembersNotSeenSince(run.generation);
  return { run: nextPhase(counted(next, { siteRowsDeleted: deleted })) };
};
