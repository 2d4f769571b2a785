import type { CallerRepository } from '../../ports/callerRepository';
import type { Clock } from '../../ports/clock';
import type { JobRepository } from '../../ports/jobRepository';
import type { SyncRunRepository } from '../../ports/syncRunRepository';
import type { UserRepository } from '../../ports/userRepository';
import { toBulkJobView, type BulkJobView } from '../bulk/jobView';
import { toStatusView, type SyncStatusView } from '../sync/syncStatus';

/**
 * A bulk action in the Jobs view, with the name of the admin who started it (null when unknown to the directory), or
 * the caller of the web trigger that did (S10; its name null when the caller is gone).
 */
export type BulkJobListItem = BulkJobView & { kind: 'bulk-action'; createdByName: string | null; startedByCaller: { id: string; name: string | null } | null };
/** A sync in the Jobs view: how it was started is its trigger, and for a manual one the admin's name (null when unknown). */
export type SyncJobListItem = SyncStatusView & { kind: 'sync'; createdByName: string | null };
export type JobListItem = BulkJobListItem | SyncJobListItem;

export interface ListJobsDeps {
  jobs: Pick<JobRepository, 'recent'>;
  runs: Pick<SyncRunRepository, 'history'>;
  users: Pick<UserRepository, 'getMany'>;
  clock: Clock;
  /** Without it a caller's job is shown without the caller's name. */
  callers?: Pick<CallerRepository, 'list'>;
}

const startedAt = (item: JobListItem): number => (item.kind === 'sync' ? item.startedAt : item.createdAt).getTime();

/**
 * B3 Jobs view: the running and most recent jobs of every kind, newest first, at most `limit` in all. Bulk actions and
 * syncs are rows of the one `jobs` table, read through their two repositories (a sync with its checkpoint).
 */
export const listJobs = async (limit: number, deps: ListJobsDeps): Promise<JobListItem[]> => {
  const [jobs, runs] = await Promise.all([deps.jobs.recent(limit), deps.runs.history(limit)]);
  const starters = [...new Set([...jobs, ...runs].flatMap((j) => (j.createdBy === null ? [] : [j.createdBy])))];
  const names = new Map((await deps.users.getMany(starters)).map((u) => [u.accountId, u.name]));
  const nameOf = (accountId: string | null): string | null => names.get(accountId ?? '') ?? null;
  const fromCallers = jobs.some((j) => j.spec.actor.kind === 'caller');
  const callers = new Map(fromCallers && deps.callers !== undefined ? (await deps.callers.list()).map((c) => [c.id, c.name]) : []);
  const callerOf = (job: (typeof jobs)[number]): BulkJobListItem['startedByCaller'] =>
    job.spec.actor.kind === 'caller'
      ? { id: job.spec.actor.callerId, name: callers.get(job.spec.actor.callerId) ?? null }
      : null;
  const now = deps.clock.now();
  const items: JobListItem[] = [
    ...jobs.map((job): BulkJobListItem => ({ ...toBulkJobView(job), kind: 'bulk-action', createdByName: nameOf(job.createdBy), startedByCaller: callerOf(job) })),
    ...runs.map((run): SyncJobListItem => ({ ...toStatusView(run, now), kind: 'sync', createdByName: nameOf(run.createdBy) })),
  ];
  return items.sort((a, b) => startedAt(b) - startedAt(a)).slice(0, limit);
};
