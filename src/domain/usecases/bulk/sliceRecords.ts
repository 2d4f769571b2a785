import type { Job } from '../../model/jobs';
import type { JobItemResult } from '../../ports/jobRepository';
import type { SliceDeps } from './deps';
import { itemAudit, type ItemEnv, type ItemOutcome } from './itemOutcome';

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

/** Audit first (idempotent ids), then results, then the synced copies, then the job's counters. */
export const recordBatch = async (job: Job, done: readonly ItemOutcome[], deps: SliceDeps): Promise<Job> => {
  if (done.length > 0) {
    await deps.audit.append(done.map((d) => d.audit));
    await deps.jobs.recordResults(job.id, done.map((d) => d.result));
    const updated = done.flatMap((d) => (d.updated === null ? [] : [d.updated]));
    if (updated.length > 0) await deps.users.upsertMany(updated, await generationFor(deps));
  }
  const counted = await withCounts(job, deps);
  await deps.jobs.update(counted);
  return counted;
};

/** Ends the job with its final status (from then on it is no longer the bulk action running now). */
export const finishJob = async (job: Job, deps: SliceDeps): Promise<Job> => {
  const counted = await withCounts(job, deps);
  const ended: Job = { ...counted, status: finalStatus(counted), phase: 'done' };
  await deps.jobs.update(ended);
  return ended;
};

/** After a key error every remaining item fails with that code (each audited), and the job ends. */
export const failRemaining = async (job: Job, code: string, env: ItemEnv, deps: SliceDeps): Promise<Job> => {
  for (;;) {
    const ids = await deps.jobs.pendingItems(job.id, 500);
    if (ids.length === 0) break;
    const results: JobItemResult[] = ids.map((accountId) => ({ accountId, outcome: 'failed', reason: code }));
    await deps.audit.append(results.map((r) => itemAudit(env, r.accountId, auditActionOf(env), r, null)));
    await deps.jobs.recordResults(job.id, results);
  }
  return finishJob(job, deps);
};

const auditActionOf = (env: ItemEnv): 'user.deactivate' | 'user.reactivate' | 'product.revoke' | 'product.assign' =>
  ({ deactivate: 'user.deactivate', reactivate: 'user.reactivate', 'revoke-product': 'product.revoke', 'assign-product': 'product.assign' } as const)[
    env.action.type
  ];
