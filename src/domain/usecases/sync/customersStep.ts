import { counted, withCheckpoint } from './checkpoint';
import type { Step } from './stepTypes';
import { nextPhase } from './syncPlan';

/** JSM customers with their organizations; stale rows go after the full walk. */
export const customersStep: Step = async (run, { deps, meter }) => {
  const page = await deps.site.serviceDeskCustomers(run.checkpoint.cursor);
  meter.pages += 1;
  await deps.siteStore.upsertCustomers(page.items, run.generation);
  const next = counted(withCheckpoint(run, { cursor: page.next }), { customers: page.items.length }, 1);
  if (page.next !== null) return { run: next };
  const deleted = await deps.siteStore.deleteCustomersNotSeenSince(run.generation);
  return { run: nextPhase(counted(next, { siteRowsDeleted: deleted })) };
};
