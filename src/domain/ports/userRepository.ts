import type { InactivityState } from '../policy/inactivityPolicy';
import type { AccountStatus, User } from '../model/user';

export const userSortKeys = ['name', 'email', 'accountStatus', 'lastActiveAt', 'addedToOrgAt', 'inactivity'] as const;
export type UserSortKey = (typeof userSortKeys)[number];

/** Every filter of FEATURES U4; all optional, combined with AND. */
export interface UserFilter {
  search?: string;
  accountStatus?: AccountStatus[];
  productKey?: string;
  inactivity?: InactivityState[];
  groupId?: string;
  managed?: boolean;
  billable?: boolean;
  protectedOnly?: boolean;
}

export interface UserQuery {
  filter: UserFilter;
  sort: { key: UserSortKey; direction: 'asc' | 'desc' };
  limit: number;
  /** Keyset cursor returned by the previous page. */
  after: string | null;
}

/**
 * The synced copy of the directory. Writes are idempotent multi-row upserts stamped with the sync
 * generation that saw the row; users not seen by a finished full sync are marked as having left.
 */
export interface UserRepository {
  upsertMany(users: readonly User[], generation: number): Promise<void>;
  get(accountId: string): Promise<User | null>;
  getMany(accountIds: readonly string[]): Promise<User[]>;
  list(query: UserQuery): Promise<{ items: User[]; next: string | null; total: number }>;
  /** Marks users whose last-seen generation is older than `generation`; returns how many. */
  markLeftBefore(generation: number): Promise<number>;
  /** Account IDs whose product activity is still unknown, for the last-active fallback. */
  withUnknownActivity(limit: number, after: string | null): Promise<string[]>;
  count(): Promise<number>;
  erase(accountId: string): Promise<void>;
}
