import type { Job, JobKind } from '../model/jobs';

export type ItemOutcome = 'succeeded' | 'failed' | 'skipped';

export interface JobItemResult {
  accountId: string;
  outcome: ItemOutcome;
  reason: string | null;
}

/**
 * Jobs (bulk actions, task runs, reverts) with their spec, progress and per-user items and results: the one place
 * a job's state lives. "The job of a kind running now" is a query, not a pointer kept elsewhere.
 */
export interface JobRepository {
  /** Idempotent: creating the same job again keeps the first record and its items' results. */
  create(job: Job, accountIds: readonly string[]): Promise<void>;
  get(id: string): Promise<Job | null>;
  /** Progress and status; the spec, kind, creator and creation time never change. */
  update(job: Job): Promise<void>;
  /** The newest queued or running job of `kind`, or null. */
  current(kind: JobKind): Promise<Job | null>;
  /** The newest jobs of every kind, newest first. */
  recent(limit: number): Promise<Job[]>;
  /** Queued or running jobs of `kind` whose record has not moved since `before` (their continuation was lost). */
  stalled(kind: JobKind, before: Date): Promise<Job[]>;
  /** Items not yet done, in a stable order, for the next slice. */
  pendingItems(jobId: string, limit: number): Promise<string[]>;
  recordResults(jobId: string, results: readonly JobItemResult[]): Promise<void>;
  /** Finished items by account ID, keyset-paged; only those with `outcome` when given. */
  results(jobId: string, limit: number, after: string | null, outcome?: ItemOutcome): Promise<{ items: JobItemResult[]; next: string | null }>;
  /** Items per state, counted from the item rows: the truth a re-delivered slice recomputes its counters from. */
  itemCounts(jobId: string): Promise<JobItemCounts>;
}

export interface JobItemCounts {
  pending: number;
  succeeded: number;
  failed: number;
  skipped: number;
}
