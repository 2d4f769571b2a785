import type { Job } from '../model/jobs';

/** One user's result in a job: succeeded, or failed / skipped with a stable reason code. */
export interface JobItemResult {
  accountId: string;
  outcome: 'succeeded' | 'failed' | 'skipped';
  reason: string | null;
}

/** Jobs (bulk actions, task runs, reverts) with their per-user items and results. */
export interface JobRepository {
  create(job: Job, accountIds: readonly string[]): Promise<void>;
  get(id: string): Promise<Job | null>;
  update(job: Job): Promise<void>;
  /** Items not yet done, in a stable order, for the next slice. */
  pendingItems(jobId: string, limit: number): Promise<string[]>;
  recordResults(jobId: string, results: readonly JobItemResult[]): Promise<void>;
  results(jobId: string, limit: number, after: string | null): Promise<{ items: JobItemResult[]; next: string | null }>;
  /** Items per state, counted from the item rows: the truth a re-delivered slice recomputes its counters from. */
  itemCounts(jobId: string): Promise<JobItemCounts>;
}

export interface JobItemCounts {
  pending: number;
  succeeded: number;
  failed: number;
  skipped: number;
}
