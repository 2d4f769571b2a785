import type { Job, JobKind } from '../model/jobs';
import type { AccountStatus, GroupRef, User } from '../model/user';
import type { ActionMethod } from '../policy/actionEligibility';

export type ItemOutcome = 'succeeded' | 'failed' | 'skipped';

/** One user's result in a job: succeeded, or failed / skipped with a stable reason code. */
export interface JobItemResult {
  accountId: string;
  outcome: ItemOutcome;
  reason: string | null;
}

/**
 * The change an item is about to make, recorded before the outside call: a re-delivered slice that finds it reads
 * the user's live state before calling again. It stays on the item after the result (the method that was used).
 */
export interface ItemIntent {
  accountId: string;
  method: ActionMethod;
  /** The groups a `group-remove` takes the user out of (a `group-add` puts them back in); empty for other methods. */
  groupIds: readonly string[];
  /**
   * What was there before the change, as the item's decision saw it (B5: what a revert restores); null on an item
   * started before it was recorded.
   */
  before: ItemBefore | null;
}

/**
 * The state a change found, in the parts any change touches: the account, its directory membership, whether the
 * user had the job's product (null for an action without one), and the groups of `groupIds` with their names.
 */
export interface ItemBefore {
  accountStatus: AccountStatus;
  membershipStatus: User['membershipStatus'];
  hadProduct: boolean | null;
  groups: readonly GroupRef[];
}

/** A succeeded item with what it did and what was there before (a revert's input). */
export type ItemChange = ItemIntent;

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
  /**
   * Moves a job's `updated_at` to `now` and counts one more failed attempt, only while it is still unfinished and has
   * not moved since `before`; true when it did. Whoever gets true owns the healing of that stall (a second tick, or a slice that just moved it, wins false).
   */
  touchIfStalled(id: string, before: Date, now: Date): Promise<boolean>;
  /** Items not yet done, in a stable order, for the next slice. */
  pendingItems(jobId: string, limit: number): Promise<string[]>;
  /** Marks pending items as started with the change each is about to make (a later intent replaces an earlier). */
  recordIntents(jobId: string, intents: readonly ItemIntent[]): Promise<void>;
  /** The recorded intents of those of `accountIds` that are still pending (started, no result yet). */
  intents(jobId: string, accountIds: readonly string[]): Promise<ItemIntent[]>;
  /** An item's final result; written last, after its audit entry and the synced copy of its user. */
  recordResults(jobId: string, results: readonly JobItemResult[]): Promise<void>;
  /** Finished items by account ID, keyset-paged; only those with `outcome` when given. */
  results(jobId: string, limit: number, after: string | null, outcome?: ItemOutcome): Promise<{ items: JobItemResult[]; next: string | null }>;
  /** The succeeded items of `accountIds` with the change each made (B5); an item stored without one is left out. */
  changes(jobId: string, accountIds: readonly string[]): Promise<ItemChange[]>;
  /** The newest revert of each of `jobIds` (B5), at most one per job. */
  revertsOf(jobIds: readonly string[]): Promise<Job[]>;
  /** Items per state, counted from the item rows: the truth a re-delivered slice recomputes its counters from. */
  itemCounts(jobId: string): Promise<JobItemCounts>;
}

export interface JobItemCounts {
  pending: number;
  succeeded: number;
  failed: number;
  skipped: number;
}
