import { DomainError } from '../../../model/errors';
import type { Job } from '../../../model/jobs';
import type { Task } from '../../../model/task';
import type { TaskRun } from '../../../model/taskRecords';
import type { BulkSliceOutcome } from '../../bulk/runBulkSlice';
import { runJobItems } from '../../bulk/runBulkSlice';
import type { SliceBudget } from '../../sync/budget';
import type { TaskRunnerDeps } from '../runnerDeps';
import { finishRun } from './finishRun';
import { taskRecheck } from './liveRecheck';
import { planRun } from './planRun';
import { stopReason, stopRun } from './stopRun';
import { deliverEnd } from './runOutcome';
import { taskJobId } from './taskJobs';

/** The queue message of a task run's slice. */
export interface TaskRunMessage {
  kind: 'task-run';
  taskId: string;
  runId: string;
  slice: number;
}

/** What a slice of a run did, for the consumer's log and the tests. */
export type TaskSliceOutcome = BulkSliceOutcome | { kind: 'ignored'; reason: 'no-run' } | { kind: 'ended'; status: TaskRun['status'] };

/** The lease under which a run is planned: one planning slice at a time. */
export const PLAN_LEASE_SECONDS = 960;
export const planLeaseName = (runId: string): string => `task-run:${runId}`;
/** How long a run's slice waits before looking again whether the sync that holds it up has ended. */
export const SYNC_WAIT_SECONDS = 300;

/** The jobs of a run's parts, in order (a run has at least one when it has a job). */
const partsOf = async (run: TaskRun, deps: TaskRunnerDeps): Promise<Job[]> => {
  const first = run.jobId === null ? null : await deps.jobs.get(run.jobId);
  if (first?.spec.kind !== 'task-run') throw new DomainError('INTERNAL', 'A task run names a job it does not have', { runId: run.id });
  const jobs = [first];
  for (let part = 1; part < first.spec.parts; part += 1) {
    const job = await deps.jobs.get(taskJobId(run.id, part));
    if (job !== null) jobs.push(job);
  }
  return jobs;
};

/** Runs the parts' jobs one after another through the bulk executor; ends the run when the last has finished. */
const runParts = async (run: TaskRun, task: Task, message: TaskRunMessage, budget: SliceBudget, deps: TaskRunnerDeps): Promise<TaskSliceOutcome> => {
  const jobs = await partsOf(run, deps);
  const finished: Job[] = [];
  for (const job of jobs) {
    const outcome = await runJobItems(job, message.slice, budget, deps, taskRecheck(task, deps));
    if (outcome.kind === 'continued') {
      await deps.queue.push({ ...message, slice: outcome.slice }, outcome.delaySeconds);
      return outcome;
    }
    if (outcome.kind === 'ignored' && outcome.reason !== 'finished') return outcome;
    finished.push((await deps.jobs.get(job.id)) ?? job);
  }
  const ended = await finishRun(run, task, finished, deps);
  return { kind: 'ended', status: ended.status };
};

/**
 * T3: one slice of a task's run (the `ulo-jobs` consumer, message `task-run`). The first plans the run (planRun)
 * under the run's lease; the next ones carry its jobs through the bulk executor (every user read live, re-checked
 * against the task, protected emails enforced in the core, every attempt audited with the task as actor) and end
 * the run when they have finished. While a sync runs, a slice plans and changes nothing: it puts itself back on the
 * queue for SYNC_WAIT_SECONDS (a run started before a sync, or a Sync now during a run, waits for the sync's end).
 * A run whose task was deleted, or disabled after the run began, stops (stopRun): nobody more is changed.
 * A slice for a run that has ended sends its audit entry and webhook again (both idempotent), so a slice that died
 * between ending the run and sending them is repaired by its re-delivery.
 */
export const runTaskSlice = async (message: TaskRunMessage, budget: SliceBudget, deps: TaskRunnerDeps): Promise<TaskSliceOutcome> => {
  const run = await deps.tasks.getRun(message.runId);
  const task = run === null ? null : await deps.tasks.get(run.taskId);
  if (run === null || task === null) return { kind: 'ignored', reason: 'no-run' };
  if (run.status !== 'running') {
    await deliverEnd(run, task, deps);
    return { kind: 'ignored', reason: 'finished' };
  }
  // Tasks and syncs never overlap (T3): while a sync runs, the run neither plans nor changes anyone; it waits.
  if ((await deps.runs.latest())?.status === 'running') {
    await deps.queue.push(message, SYNC_WAIT_SECONDS);
    return { kind: 'continued', slice: message.slice, delaySeconds: SYNC_WAIT_SECONDS };
  }
  const stop = stopReason(run, task);
  if (stop !== null) {
    const stopped = await stopRun(run, task, stop, run.jobId === null ? [] : await partsOf(run, deps), deps);
    return stopped === null ? { kind: 'ignored', reason: 'busy' } : { kind: 'ended', status: stopped.status };
  }
  if (run.jobId !== null) return runParts(run, task, message, budget, deps);
  const lease = await deps.lock.acquire(planLeaseName(run.id), PLAN_LEASE_SECONDS);
  if (lease === null) return { kind: 'ignored', reason: 'busy' };
  let planned;
  try {
    // Another delivery may have planned the run while this one waited for the lease.
    const current = await deps.tasks.getRun(run.id);
    if (current?.status !== 'running' || current.jobId !== null) return { kind: 'ignored', reason: 'busy' };
    planned = await planRun(current, task, deps);
  } finally {
    await deps.lock.release(lease);
  }
  if (planned.kind === 'ended') return { kind: 'ended', status: planned.run.status };
  await deps.queue.push({ ...message, slice: message.slice + 1 });
  return { kind: 'continued', slice: message.slice + 1, delaySeconds: 0 };
};
