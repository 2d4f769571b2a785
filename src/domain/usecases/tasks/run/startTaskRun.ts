import type { AuditActor } from '../../../model/audit';
import { DomainError } from '../../../model/errors';
import type { TaskRun } from '../../../model/taskRecords';
import type { TaskRunnerDeps } from '../runnerDeps';

/** How a run was started: by the schedule (for the slot `slotAt`), by an admin (Run now), or by a caller (S10). */
export interface StartTaskRunRequest {
  taskId: string;
  trigger: 'schedule' | 'manual' | 'caller';
  slotAt: Date | null;
  actor: AuditActor;
}

const START_LOCK_SECONDS = 120;
const RUNNING_LIMIT = 200;

const busy = (message: string): DomainError => new DomainError('LOCK_HELD', message);

/** Whether a sync is running, or a run of this task (tasks and syncs never overlap; one run of a task at a time). */
export const startBlocker = async (taskId: string, deps: Pick<TaskRunnerDeps, 'runs' | 'tasks'>): Promise<DomainError | null> => {
  if ((await deps.runs.latest())?.status === 'running') return busy('A sync is running');
  const running = await deps.tasks.runsWithStatus(['running'], RUNNING_LIMIT);
  return running.some((r) => r.taskId === taskId) ? busy('This task is already running') : null;
};

/**
 * Runs `work` under the task's start lease: starting a run and deciding a proposal of the same task happen one at a
 * time. LOCK_HELD while another holds it.
 */
export const underStartLease = async <T>(taskId: string, deps: Pick<TaskRunnerDeps, 'lock'>, work: () => Promise<T>): Promise<T> => {
  const lease = await deps.lock.acquire(`task-start:${taskId}`, START_LOCK_SECONDS);
  if (lease === null) throw busy('This task is being started');
  try {
    return await work();
  } finally {
    await deps.lock.release(lease);
  }
};

/**
 * T3, T4: starts a run of a task — records it (`running`), audits who started it, and pushes its first slice
 * (runTaskSlice). NOT_FOUND for a task that does not exist or was deleted; API_KEY_MISSING without an API key;
 * LOCK_HELD while a sync runs or the task already has a running run. A scheduled run is recorded once per slot:
 * a second start for the same slot answers the first run and pushes nothing. A disabled task can still be run by
 * hand (the schedule skips it).
 */
export const startTaskRun = async (request: StartTaskRunRequest, deps: TaskRunnerDeps): Promise<TaskRun> => {
  const task = await deps.tasks.get(request.taskId);
  if (task === null || task.deletedAt !== null) throw new DomainError('NOT_FOUND', 'No such task', { taskId: request.taskId });
  if ((await deps.secrets.info()) === null) throw new DomainError('API_KEY_MISSING', 'No API key is configured');
  return underStartLease(task.id, deps, async () => {
    const blocked = await startBlocker(task.id, deps);
    if (blocked !== null) throw blocked;
    const now = deps.clock.now();
    const counts = { matched: 0, changed: 0, failed: 0, skipped: 0, announced: 0 };
    const fresh: TaskRun = { id: deps.ids.next(), taskId: task.id, trigger: request.trigger, slotAt: request.slotAt, startedAt: now, finishedAt: null, status: 'running', reason: null, counts, jobId: null };
    const { run, created } = await deps.tasks.startRun(fresh);
    if (!created) return run;
    await deps.audit.append([
      { id: `task-start:${run.id}`, at: now, actor: request.actor, action: 'task.run', targetAccountId: null, outcome: 'succeeded', reason: null, details: { runId: run.id, trigger: run.trigger, event: 'started' }, jobId: null },
    ]);
    try {
      await deps.queue.push({ kind: 'task-run', taskId: task.id, runId: run.id, slice: 0 });
    } catch (error) {
      await deps.tasks.updateRun({ ...run, status: 'failed', reason: 'INTERNAL', finishedAt: deps.clock.now() });
      throw error;
    }
    return run;
  });
};
