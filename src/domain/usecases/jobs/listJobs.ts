import type { CallerRepository } from '../../ports/callerRepository';
import type { Clock } from '../../ports/clock';
import type { JobRepository } from '../../ports/jobRepository';
import type { SyncRunRepository } from '../../ports/syncRunRepository';
import type { TaskRepository } from '../../ports/taskRepository';
import type { UserRepository } from '../../ports/userRepository';
import { toBulkJobView, type BulkJobView } from '../bulk/jobView';
import { revertStates, type RevertState } from '../revert/revertState';
import { toStatusView, type SyncStatusView } from '../sync/syncStatus';

/**
 * A bulk action in the Jobs view, with the name of the admin who started it (null when unknown to the directory), or
 * the caller of the web trigger that did (S10; its name null when the caller is gone).
 */
export type BulkJobListItem = BulkJobView & {
  kind: 'bulk-action';
  createdByName: string | null;
  startedByCaller: { id: string; name: string | null } | null;
  /** Set for a part of an automated task's run (T3); `name` null when the task is gone. */
  startedByTask: { id: string; name: string | null } | null;
  /** B5: why it cannot be reverted now (null: it can), and its newest revert (who started it, when, how it went). */
  revert: RevertState;
};
/** A sync in the Jobs view: how it was started is its trigger, and for a manual one the admin's name (null when unknown). */
export type SyncJobListItem = SyncStatusView & { kind: 'sync'; createdByName: string | null };
export type JobListItem = BulkJobListItem | SyncJobListItem;

export interface ListJobsDeps {
  jobs: Pick<JobRepository, 'recent' | 'revertsOf'>;
  runs: Pick<SyncRunRepository, 'history'>;
  users: Pick<UserRepository, 'getMany'>;
  clock: Clock;
  /** Without it a caller's job is shown without the caller's name. */
  callers?: Pick<CallerRepository, 'list'>;
  /** Without it a task run's job is shown without the task's name. */
  tasks?: Pick<TaskRepository, 'get'>;
}

const startedAt = (item: JobListItem): number => (item.kind === 'sync' ? item.startedAt : item.createdAt).getTime();

/**
 * B3 Jobs view: the running and most recent jobs of every kind, newest first, at most `limit` in all. Bulk actions,
 * the parts of task runs (shown as bulk actions started by their task) and syncs are rows of the one `jobs` table,
 * read through their two repositories (a sync with its checkpoint).
 */
export const listJobs = async (limit: number, deps: ListJobsDeps): Promise<JobListItem[]> => {
  const [jobs, runs] = await Promise.all([deps.jobs.recent(limit), deps.runs.history(limit)]);
  const reverts = await revertStates(jobs, deps);
  const starters = [...new Set([...jobs, ...runs].flatMap((j) => (j.createdBy === null ? [] : [j.createdBy])))];
  const names = new Map((await deps.users.getMany(starters)).map((u) => [u.accountId, u.name]));
  const nameOf = (accountId: string | null): string | null => names.get(accountId ?? '') ?? null;
  const fromCallers = jobs.some((j) => j.spec.actor.kind === 'caller');
  const callers = new Map(fromCallers && deps.callers !== undefined ? (await deps.callers.list()).map((c) => [c.id, c.name]) : []);
  const callerOf = (job: (typeof jobs)[number]): BulkJobListItem['startedByCaller'] =>
    job.spec.actor.kind === 'caller'
      ? { id: job.spec.actor.callerId, name: callers.get(job.spec.actor.callerId) ?? null }
      : null;
  const taskIds = [...new Set(jobs.flatMap((j) => (j.spec.kind === 'task-run' ? [j.spec.taskId] : [])))];
  const found = deps.tasks === undefined ? [] : await Promise.all(taskIds.map((id) => deps.tasks?.get(id) ?? Promise.resolve(null)));
  const tasks = new Map(found.flatMap((t) => (t === null ? [] : [[t.id, t.name] as const])));
  const taskOf = (job: (typeof jobs)[number]): BulkJobListItem['startedByTask'] =>
    job.spec.kind === 'task-run' ? { id: job.spec.taskId, name: tasks.get(job.spec.taskId) ?? null } : null;
  const now = deps.clock.now();
  const items: JobListItem[] = [
    ...jobs.map((job): BulkJobListItem => ({
      ...toBulkJobView(job), kind: 'bulk-action', createdByName: nameOf(job.createdBy), startedByCaller: callerOf(job), startedByTask: taskOf(job),
      revert: reverts.get(job.id) ?? { blocked: null, revertedBy: null },
    })),
    ...runs.map((run): SyncJobListItem => ({ ...toStatusView(run, now), kind: 'sync', createdByName: nameOf(run.createdBy) })),
  ];
  return items.sort((a, b) => startedAt(b) - startedAt(a)).slice(0, limit);
};
