import type { Job } from '../model/jobs';
import type { ActionMethod } from '../policy/actionEligibility';

/** One user's result in a job: succeeded, or failed / skipped with a stable reason code. */
export interface JobItemResult {
  accountId: string;
  outcome: 'succeeded' | 'failed' | 'skipped';
  reason: string | null;
}

/**
 * The change an item is about to make, recorded before the outside call: a re-delivered slice that finds it reads
 * the user's live state before calling again. It stays on the item after the result (the method that was used).
 */
export interface ItemIntent {
  accountId: string;
  method: ActionMethod;
  /** The groups a `group-remove` takes the user out of; empty for other methods. */
  groupIds: readonly string[];
}

/** Jobs (bulk actions, task runs, reverts) with their per-user items and results. */
export interface JobRepository {
  create(job: Job, accountIds: readonly string[]): Promise<void>;
  get(id: string): Promise<Job | null>;
  update(job: Job): Promise<void>;
  /** Items not yet done, in a stable order, for the next slice. */
  pendingItems(jobId: string, limit: number): Promise<string[]>;
  /** Marks pending items as started with the change each is about to make (a later intent replaces an earlier). */
  recordIntents(jobId: string, intents: readonly ItemIntent[]): Promise<void>;
  /** The recorded intents of those of `accountIds` that are still pending (started, no result yet). */
  intents(jobId: string, accountIds: readonly string[]): Promise<ItemIntent[]>;
  /** An item's final result; written last, after its audit entry and the synced copy of its user. */
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
