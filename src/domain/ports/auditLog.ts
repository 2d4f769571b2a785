import type { AuditAction, AuditEntry, AuditOutcome } from '../model/audit';

/** FEATURES A2; every filter is optional and they combine with AND. */
export interface AuditQuery {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  actions?: AuditAction[];
  /** The acting admin's account ID or the task ID. */
  actorId?: string;
  targetAccountId?: string;
  outcome?: AuditOutcome[];
  /** The entries of one job (a bulk action, task run or revert). */
  jobId?: string;
  /**
   * Text that finds people as the users' search does (the start of any word of the name or email, case- and
   * accent-insensitively): entries whose affected user or acting admin is one of them.
   */
  search?: string;
  /** 1 to 1,000 (export reads the largest pages). */
  limit: number;
  after: string | null;
}

/**
 * Record of every change the app makes or attempts. Append-only, except the entry of a job's item, which ends with
 * the item's final outcome (see `writeItemEntries`).
 */
export interface AuditLog {
  /** Idempotent: appending an entry whose id is already stored changes nothing. */
  append(entries: readonly AuditEntry[]): Promise<void>;
  /**
   * Writes the entries of job items by id (derived from job and user): a new id is appended, a stored one takes
   * the entry's time, action, outcome, reason and details. A retry that succeeds so replaces an earlier failure,
   * and a re-delivered slice writes the same entry again. Every entry must name its job.
   */
  writeItemEntries(entries: readonly AuditEntry[]): Promise<void>;
  /** Newest first, keyset-paged by (at, id); `next` is null on the last page. */
  query(query: AuditQuery): Promise<{ items: AuditEntry[]; next: string | null }>;
}
