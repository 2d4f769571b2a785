import type { Job } from '../../model/jobs';
import type { ErrorCode } from '../../model/errors';
import type { SliceDeps } from './deps';
import { itemResult, processedItem, type ItemEnv, type ItemOutcome, type ProcessedItem } from './itemOutcome';

/** succeeded: nothing failed; partially-failed: some failed, some succeeded; failed: failures and no success. */
export const finalStatus = (counts: { succeeded: number; failed: number }): Job['status'] => {
  if (counts.failed === 0) return 'succeeded';
  return counts.succeeded > 0 ? 'partially-failed' : 'failed';
};

/** Counters recomputed from the item rows (never incremented), so a re-run slice cannot count twice. */
const withCounts = async (job: Job, deps: SliceDeps): Promise<Job> => {
  const c = await deps.jobs.itemCounts(job.id);
  const processed = c.succeeded + c.failed + c.skipped;
  return { ...job, processed, total: processed + c.pending, succeeded: c.succeeded, failed: c.failed, skipped: c.skipped, updatedAt: deps.clock.now() };
};

/** The generation to stamp updated users with: the latest sync's, so a running sync does not take them for gone. */
const generationFor = async (deps: SliceDeps): Promise<number> => (await deps.runs.latest())?.generation ?? 1;

/**
 * Writes a batch so that a crash at any point is repaired by re-running it: the audit entries (written by id, each
 * taking its item's latest outcome) and the synced copies first, the items' results LAST — an item without a
 * result is processed again, and its recorded intent makes that re-check the directory before any second call.
 * Then the job's counters; a batch that recorded users clears the count of failed attempts.
 */
export const recordBatch = async (job: Job, done: readonly ProcessedItem[], deps: SliceDeps): Promise<Job> => {
  if (done.length > 0) {
    await deps.audit.writeItemEntries(done.map((d) => d.audit));
    const updated = done.flatMap((d) => (d.updated === null ? [] : [d.updated]));
    if (updated.length > 0) await deps.users.upsertMany(updated, await generationFor(deps));
    await deps.jobs.recordResults(job.id, done.map((d) => itemResult(d.accountId, d.outcome)));
  }
  const counted = await withCounts(done.length > 0 ? { ...job, attempts: 0 } : job, deps);
  await deps.jobs.update(counted);
  return counted;
};

/** Ends the job with its final status (from then on it is no longer the bulk action running now). */
export const finishJob = async (job: Job, deps: SliceDeps): Promise<Job> => {
  const counted = await withCounts(job, deps);
  const ended: Job = { ...counted, status: finalStatus(counted), phase: 'done', finishedAt: counted.finishedAt ?? counted.updatedAt };
  await deps.jobs.update(ended);
  return ended;
};

/** Every remaining item ends with `outcome` (each audited), then the job ends. */
export const closeRemaining = async (job: Job, outcome: ItemOutcome, env: ItemEnv, deps: SliceDeps): Promise<Job> => {
  for (;;) {
    const ids = await deps.jobs.pendingItems(job.id, 500);
    if (ids.length === 0) break;
    const closed = ids.map((accountId) => processedItem(env, accountId, outcome));
    await deps.audit.writeItemEntries(closed.map((f) => f.audit));
    await deps.jobs.recordResults(job.id, closed.map((f) => itemResult(f.accountId, f.outcome)));
  }
  return finishJob(job, deps);
};

/** After a stop (a key error, a licence limit, the last failed attempt) every remaining item fails with that code (each audited), and the job ends. */
export const failRemaining = (job: Job, code: ErrorCode, env: ItemEnv, deps: SliceDeps): Promise<Job> => closeRemaining(job, { kind: 'failed', code, method: null }, env, deps);
