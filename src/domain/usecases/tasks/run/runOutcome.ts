import type { AuditEntry } from '../../../model/audit';
import type { Task } from '../../../model/task';
import type { TaskRun, TaskRunStatus } from '../../../model/taskRecords';
import type { TaskRef } from '../../../model/webhooks';
import type { TaskRunnerDeps } from '../runnerDeps';

/** A task as its webhooks name it. */
export const taskRef = (task: Pick<Task, 'id' | 'name' | 'action'>): TaskRef => ({ id: task.id, name: task.name, action: task.action.type });

const failedStatuses: readonly TaskRunStatus[] = ['failed', 'partially-failed', 'skipped'];

/**
 * S7: `task-succeeded` or `task-failed` (a failed or partly failed run, or one skipped for a sync) with the run's
 * counts. Keyed by the run, so sending it again (a re-delivered slice) queues nothing new. A webhook that cannot be
 * queued never changes the run's outcome: the failure is swallowed here.
 */
export const sendOutcome = async (run: TaskRun, task: Pick<Task, 'id' | 'name' | 'action'>, deps: Pick<TaskRunnerDeps, 'notifier'>): Promise<void> => {
  const failed = failedStatuses.includes(run.status);
  const { changed, failed: failures, skipped } = run.counts;
  await deps.notifier
    .notify({
      trigger: failed ? 'task-failed' : 'task-succeeded',
      key: `task-run:${run.id}`,
      task: taskRef(task),
      run: { id: run.id, succeeded: changed, failed: failures, skipped, failureCode: failed ? (run.reason ?? 'INTERNAL') : null },
    })
    .catch(() => 0);
};

/** The run's own audit entry (A1), written when it ends: who started it, its status, reason and counts; no personal data. */
export const runAuditEntry = (run: TaskRun, at: Date): AuditEntry => ({
  id: `task-run:${run.id}`,
  at,
  actor: { kind: 'task', taskId: run.taskId },
  action: 'task.run',
  targetAccountId: null,
  outcome: run.status === 'skipped' ? 'skipped' : failedStatuses.includes(run.status) ? 'failed' : 'succeeded',
  reason: run.reason,
  details: { runId: run.id, trigger: run.trigger, status: run.status, ...run.counts },
  jobId: run.jobId,
});

/**
 * Ends a run: its status, reason, counts and finish time first, then its audit entry, then its outcome webhook.
 * A slice that dies in between is repaired by a re-delivery, which finds the run ended and sends the rest again
 * (both are idempotent).
 */
export const endRun = async (
  run: TaskRun,
  task: Pick<Task, 'id' | 'name' | 'action'>,
  end: Pick<TaskRun, 'status' | 'reason' | 'counts'>,
  deps: Pick<TaskRunnerDeps, 'tasks' | 'audit' | 'notifier' | 'clock'>,
): Promise<TaskRun> => {
  const now = deps.clock.now();
  const ended: TaskRun = { ...run, ...end, finishedAt: now };
  await deps.tasks.updateRun(ended);
  await deliverEnd(ended, task, deps);
  return ended;
};

/** The audit entry and webhook of an ended run (again, for a re-delivered slice: both are idempotent). */
export const deliverEnd = async (run: TaskRun, task: Pick<Task, 'id' | 'name' | 'action'>, deps: Pick<TaskRunnerDeps, 'audit' | 'notifier'>): Promise<void> => {
  await deps.audit.append([runAuditEntry(run, run.finishedAt ?? run.startedAt)]);
  await sendOutcome(run, task, deps);
};
