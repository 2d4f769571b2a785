import type { Job } from '../../../model/jobs';
import type { Task } from '../../../model/task';
import type { TaskRun } from '../../../model/taskRecords';
import { bulkLimits } from '../../bulk/deps';
import { isFinished } from '../../bulk/jobView';
import { itemEnv, jobLeaseName } from '../../bulk/runBulkSlice';
import { closeRemaining } from '../../bulk/sliceRecords';
import type { TaskRunnerDeps } from '../runnerDeps';
import { finishRun } from './finishRun';

/** Why a run in progress stops: its task was deleted, or disabled after the run began (a disabled task's Run now goes on). */
export const stopReason = (run: TaskRun, task: Task): 'task-deleted' | 'task-disabled' | null => {
  if (task.deletedAt !== null) return 'task-deleted';
  return !task.enabled && task.updatedAt > run.startedAt ? 'task-disabled' : null;
};

/** Skips a job's remaining users with `reason` (each audited) under the job's lease; false when a slice holds it. */
const skipRemaining = async (job: Job, reason: string, deps: TaskRunnerDeps): Promise<boolean> => {
  if (isFinished(job)) return true;
  const lease = await deps.lock.acquire(jobLeaseName(job.id), bulkLimits(deps.limits).sliceLeaseSeconds);
  if (lease === null) return false;
  try {
    await closeRemaining({ ...job, status: 'running' }, { kind: 'skipped', reason }, await itemEnv(job, deps), deps);
    return true;
  } finally {
    await deps.lock.release(lease);
  }
};

/**
 * Stops a run whose task was deleted or disabled (T4): nobody more is changed — its jobs' remaining users are
 * skipped with the reason — and the run ends `failed` (`partially-failed` when it had changed someone already) with
 * the reason, audited, with `task-failed`. Null when a slice of one of its jobs is still working (its re-delivery
 * stops the run).
 */
export const stopRun = async (run: TaskRun, task: Task, reason: string, jobs: readonly Job[], deps: TaskRunnerDeps): Promise<TaskRun | null> => {
  for (const job of jobs) if (!(await skipRemaining(job, reason, deps))) return null;
  const finished = await Promise.all(jobs.map(async (job) => (await deps.jobs.get(job.id)) ?? job));
  return finishRun(run, task, finished, deps, reason);
};
