import type { TaskRun } from '../../../model/taskRecords';
import type { TaskRunnerDeps } from '../runnerDeps';
import { bulkLimits } from '../../bulk/deps';
import { endRun } from './runOutcome';
import { PLAN_LEASE_SECONDS, planLeaseName } from './runTaskSlice';

const RUNNING_LIMIT = 200;
const zero = { matched: 0, changed: 0, failed: 0, skipped: 0, announced: 0 };

/** Ends a run whose planning keeps failing, under its planning lease (a slice planning right now keeps it). */
const giveUp = async (run: TaskRun, deps: TaskRunnerDeps): Promise<void> => {
  const lease = await deps.lock.acquire(planLeaseName(run.id), PLAN_LEASE_SECONDS);
  if (lease === null) return;
  try {
    const [current, task] = await Promise.all([deps.tasks.getRun(run.id), deps.tasks.get(run.taskId)]);
    if (current?.status === 'running' && current.jobId === null && task !== null) await endRun(current, task, { status: 'failed', reason: 'INTERNAL', counts: zero }, deps);
  } finally {
    await deps.lock.release(lease);
  }
};

/**
 * The hourly tick's healing of runs (T3): a run still planning long after it began lost its first slice, and a run
 * whose jobs all finished lost its last one; both get a slice again (idempotent). A run whose planning keeps failing
 * is given up once it has planned for `maxAttempts` stall periods — counted from its start, or from the end of the
 * last sync if that is later (a sync holds runs back) — and fails with INTERNAL and `task-failed`, so the task can
 * run again. Nothing is healed while a sync runs: runs wait on the queue then. Stalled jobs are healed with the bulk
 * jobs (healStalledJobs).
 */
export const healRuns = async (now: Date, deps: TaskRunnerDeps): Promise<void> => {
  const sync = await deps.runs.latest();
  if (sync?.status === 'running') return;
  const limits = bulkLimits(deps.limits);
  const before = now.getTime() - limits.stallAfterMs;
  const giveUpBefore = now.getTime() - limits.maxAttempts * limits.stallAfterMs;
  for (const run of await deps.tasks.runsWithStatus(['running'], RUNNING_LIMIT)) {
    if (run.startedAt.getTime() > before) continue;
    const planningSince = Math.max(run.startedAt.getTime(), sync?.finishedAt?.getTime() ?? 0);
    if (run.jobId === null && planningSince < giveUpBefore) {
      await giveUp(run, deps);
      continue;
    }
    const job = run.jobId === null ? null : await deps.jobs.get(run.jobId);
    const lost = run.jobId === null || (job !== null && job.status !== 'queued' && job.status !== 'running');
    if (lost) await deps.queue.push({ kind: 'task-run', taskId: run.taskId, runId: run.id, slice: 0 });
  }
};
