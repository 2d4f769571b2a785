import type { SliceBudget } from '../sync/budget';
import type { SliceDeps } from '../bulk/deps';
import { runJobItems, type BulkSliceOutcome } from '../bulk/runBulkSlice';
import { revertRecheck } from './revertRecheck';

/** The queue message of a revert's slice: ids only. */
export interface RevertMessage {
  kind: 'revert';
  jobId: string;
  slice: number;
}

/**
 * B5: one slice of a revert (the `ulo-jobs` consumer): the bulk executor over the revert's items, each user read
 * live and judged against what the reverted job did to them (revertRecheck). Exactly-once, audit and synced copy as
 * for any bulk job (runJobItems); the continuation goes back on the queue as a revert message.
 */
export const runRevertSlice = async (message: RevertMessage, budget: SliceBudget, deps: SliceDeps): Promise<BulkSliceOutcome> => {
  const job = await deps.jobs.get(message.jobId);
  if (job === null || job.spec.kind !== 'revert') return { kind: 'ignored', reason: 'no-job' };
  const outcome = await runJobItems(job, message.slice, budget, deps, revertRecheck(job.spec, deps));
  if (outcome.kind === 'continued') await deps.queue.push({ kind: 'revert', jobId: job.id, slice: outcome.slice }, outcome.delaySeconds);
  return outcome;
};
