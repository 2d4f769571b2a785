import { DomainError } from '../../model/errors';
import { counted, withCheckpoint } from './checkpoint';
import type { Step } from './stepTypes';
import { nextPhase } from './syncPlan';

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
    directoryNames: Object.fromEntries(directories.map((d) => [d.id, d.name])),
  });
  return { run: nextPhase(listed) };
};
