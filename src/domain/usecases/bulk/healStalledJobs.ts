import type { Clock } from '../../ports/clock';
import type { Job } from '../../model/jobs';
import type { JobMessage, JobQueue } from '../../ports/jobQueue';
import type { JobRepository } from '../../ports/jobRepository';
import { bulkLimits, type BulkLimits } from './deps';

export interface HealDeps {
  jobs: Pick<JobRepository, 'stalled' | 'touchIfStalled'>;
  queue: JobQueue;
  clock: Clock;
  limits?: Partial<BulkLimits>;
}

/** The slice that carries a job on: a bulk action's or a revert's own, or its task run's (which runs the run's current part). */
const continuationOf = (job: Job): JobMessage => {
  if (job.spec.kind === 'task-run') return { kind: 'task-run', taskId: job.spec.taskId, runId: job.spec.runId, slice: 0 };
  return { kind: job.spec.kind === 'revert' ? 'revert' : 'bulk-action', jobId: job.id, slice: 0 };
};

/**
 * B3, run by the hourly tick: a queued or running bulk job (or part of a task's run, or a revert) whose record has not moved for `stallAfterMs` lost its
 * continuation (a crash, a platform failure), so its next slice is pushed again. The record is touched first, and
 * only while it is still stalled (a conditional update): a second tick, or a slice that moved or finished the job
 * meanwhile, pushes nothing and overwrites nothing. A duplicate slice is harmless: slices of one job take the job's lease.
 * A stall counts as a failed attempt: a job whose slices keep dying without a typed error (a bug) ends after
 * `maxAttempts` in a row (runBulkSlice) instead of blocking new bulk actions for ever. Returns the jobs healed.
 */
export const healStalledJobs = async (deps: HealDeps): Promise<string[]> => {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - bulkLimits(deps.limits).stallAfterMs);
  const healed: string[] = [];
  const stalled = [
    ...(await deps.jobs.stalled('bulk-action', before)),
    ...(await deps.jobs.stalled('task-run', before)),
    ...(await deps.jobs.stalled('revert', before)),
  ];
  for (const job of stalled) {
    if (!(await deps.jobs.touchIfStalled(job.id, before, now))) continue;
    await deps.queue.push(continuationOf(job));
    healed.push(job.id);
  }
  return healed;
};
