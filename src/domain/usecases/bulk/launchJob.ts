import type { Job } from '../../model/jobs';
import type { JobMessage } from '../../ports/jobQueue';
import type { JobDeps } from './deps';

/** A job not started yet: queued, nothing processed, `total` users. */
export const queuedJob = (fields: Pick<Job, 'id' | 'kind' | 'spec' | 'createdBy' | 'phase' | 'total'>, now: Date): Job => ({
  ...fields,
  status: 'queued',
  createdAt: now,
  updatedAt: now,
  finishedAt: null,
  processed: 0,
  succeeded: 0,
  failed: 0,
  skipped: 0,
  attempts: 0,
});

/** Stores the job with one item per user and pushes its first slice; a push that fails marks the job failed. */
export const launchJob = async (job: Job, accountIds: readonly string[], first: JobMessage, deps: Pick<JobDeps, 'jobs' | 'queue' | 'clock'>): Promise<void> => {
  await deps.jobs.create(job, accountIds);
  try {
    await deps.queue.push(first);
  } catch (error) {
    await deps.jobs.update({ ...job, status: 'failed', updatedAt: deps.clock.now(), finishedAt: deps.clock.now() });
    throw error;
  }
};
