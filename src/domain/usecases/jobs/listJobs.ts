import type { Clock } from '../../ports/clock';
import type { JobRepository } from '../../ports/jobRepository';
import type { SyncRunRepository } from '../../ports/syncRunRepository';
import type { UserRepository } from '../../ports/userRepository';
import { toBulkJobView, type BulkJobView } from '../bulk/jobView';
import { toStatusView, type SyncStatusView } from '../sync/syncStatus';

/** A bulk action in the Jobs view, with the name of the admin who started it (null when unknown to the directory). */
export type BulkJobListItem = BulkJobView & { kind: 'bulk-action'; createdByName: string | null };
/** A sync in the Jobs view; how it was started is its trigger. */
export type SyncJobListItem = SyncStatusView & { kind: 'sync' };
export type JobListItem = BulkJobListItem | SyncJobListItem;

export interface ListJobsDeps {
  jobs: Pick<JobRepository, 'recent'>;
  runs: Pick<SyncRunRepository, 'history'>;
  users: Pick<UserRepository, 'getMany'>;
  clock: Clock;
}

const startedAt = (item: JobListItem): number => (item.kind === 'sync' ? item.startedAt : item.createdAt).getTime();

/**
 * B3 Jobs view: the running and most recent jobs of every kind — bulk actions from the job table, syncs from their
 * runs — newest first, at most `limit` in all.
 */
export const listJobs = async (limit: number, deps: ListJobsDeps): Promise<JobListItem[]> => {
  const [jobs, runs] = await Promise.all([deps.jobs.recent(limit), deps.runs.history(limit)]);
  const starters = [...new Set(jobs.flatMap((j) => (j.createdBy === null ? [] : [j.createdBy])))];
  const names = new Map((await deps.users.getMany(starters)).map((u) => [u.accountId, u.name]));
  const now = deps.clock.now();
  const items: JobListItem[] = [
    ...jobs.map((job): BulkJobListItem => ({ ...toBulkJobView(job), kind: 'bulk-action', createdByName: names.get(job.createdBy ?? '') ?? null })),
    ...runs.map((run): SyncJobListItem => ({ ...toStatusView(run, now), kind: 'sync' })),
  ];
  return items.sort((a, b) => startedAt(b) - startedAt(a)).slice(0, limit);
};
