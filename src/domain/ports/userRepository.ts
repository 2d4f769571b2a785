import type { InactivityState, InactivityThresholds } from '../policy/inactivityPolicy';
import type { ProtectedEmails } from '../policy/protectedEmails';
import type { AccountStatus, User } from '../model/user';

export const userSortKeys = [
  'name',
  'email',
  'accountStatus',
  'lastActiveAt',
  'addedToOrgAt',
  'inactivity',
  'managed',
  'billable',
] as const;
export type UserSortKey = (typeof userSortKeys)[number];

/** Every filter of FEATURES U4; all optional, combined with AND. An empty list means "no filter". */
export interface UserFilter {
  /** The start of any word of the name or the email (words split at spaces and punctuation), case- and accent-insensitively. */
  search?: string;
  accountStatus?: AccountStatus[];
  productKey?: string;
  /** The overall state; with `productKey`, the state for that product (I1). */
  inactivity?: InactivityState[];
  groupId?: string;
  managed?: boolean;
  billable?: boolean;
  /** true: only users the whitelist protects; false: only users it does not. */
  protected?: boolean;
  /** Users a finished full sync no longer saw (left the org) are left out unless this is true. */
  includeLeft?: boolean;
}

/** One page of the users list: filter, sort and keyset position. */
export interface UserQuery {
  filter: UserFilter;
  sort: { key: UserSortKey; direction: 'asc' | 'desc' };
  /** 1 to 500. */
  limit: number;
  /** Keyset cursor returned by the previous page for the same sort. */
  after: string | null;
}

/**
 * What a query is evaluated against. Inactivity depends on the current thresholds and time, protection
 * on the current whitelist, so neither is stored per user: changing a setting takes effect at once.
 */
export interface UserQueryContext {
  now: Date;
  thresholds: InactivityThresholds;
  protectedEmails: ProtectedEmails;
}

/** How an upsert removes the rows its users no longer have (a product access or group membership not written again). */
export interface UpsertUsersOptions {
  /**
   * `now` (the default): this call deletes them. `at-mark-left`: the caller writes every user of the org at this
   * generation and then calls `markLeftBefore(generation)` (the full sync walk), which deletes them all in one pass;
   * until then the users' own reads (`get`, `getMany`, the items of `list`) already leave them out, while filters,
   * counts and dashboard totals still see them.
   */
  staleRows: 'now' | 'at-mark-left';
}

/**
 * The synced copy of the directory. Writes are idempotent multi-row upserts stamped with the sync
 * generation that saw the row; users not seen by a finished full sync are marked as having left.
 */
export interface UserRepository {
  upsertMany(users: readonly User[], generation: number, options?: UpsertUsersOptions): Promise<void>;
  get(accountId: string): Promise<User | null>;
  getMany(accountIds: readonly string[]): Promise<User[]>;
  /** One keyset page; pages never repeat or skip a row while the data is unchanged. */
  list(query: UserQuery, context: UserQueryContext): Promise<{ items: User[]; next: string | null }>;
  /** How many users match (asked once per filter, not per page: it reads every matching row). */
  countMatching(filter: UserFilter, context: UserQueryContext): Promise<number>;
  /**
   * Deletes the access and membership rows that users written at `generation` no longer have (see
   * {@link UpsertUsersOptions}), then marks users whose last-seen generation is older than `generation` as having
   * left the org (membership `no_membership`; their rows are kept); returns how many were newly marked.
   */
  markLeftBefore(generation: number): Promise<number>;
  /**
   * Account IDs whose product activity is still unknown, for the last-active fallback, in account-id order after
   * `after`; with `seenIn`, only users last written by that sync generation (what a running walk has stored).
   */
  withUnknownActivity(limit: number, after: string | null, seenIn?: number): Promise<string[]>;
  /** Users in the org (not marked as left). */
  count(): Promise<number>;
}
