import type { Clock } from '../../ports/clock';
import type { JobQueue } from '../../ports/jobQueue';
import type { JobRepository } from '../../ports/jobRepository';
import { bulkLimits, type BulkLimits } from './deps';

export interface HealDeps {
  jobs: Pick<JobRepository, 'stalled' | 'update'>;
  queue: JobQueue;
  clock: Clock;
  limits?: Partial<BulkLimits>;
}

/**
 * B3, run by the hourly tick: a queued or running bulk job whose record has not moved for `stallAfterMs` lost its
 * continuation (a crash, a platform failure), so its next slice is pushed again; the record is touched first so a
 * second tick does not push twice. A duplicate slice is harmless: slices of one job take the job's lease. Returns
 * the jobs healed.
 */
export const healStalledJobs = async (deps: HealDeps): Promise<string[]> => {
  const now = deps.clock.now();
  const stalled = await deps.jobs.stalled('bulk-action', new Date(now.getTime() - bulkLimits(deps.limits).stallAfterMs));
  for (const job of stalled) {
    await deps.jobs.update({ ...job, updatedAt: now });
    await deps.queue.push({ kind: 'bulk-action', jobId: job.id, slice: 0 });
  }
  return stalled.map((job) => job.id);
};
