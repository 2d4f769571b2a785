import type { Group } from '../model/group';
import type { Product } from '../model/product';
import type { User } from '../model/user';

/** One page of a paged directory read. */
export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; null when this was the last page. */
  next: string | null;
}

export interface OrgSummary {
  id: string;
  name: string;
}

/**
 * Narrows `searchUsers` to the members of up to 10 groups (the API's `groupIds` filter), or to up to
 * 10 given accounts (`accountIds`: e.g. a caller not yet in the synced copy).
 */
export type UserSearchFilter = { groupIds: readonly string[] } | { accountIds: readonly string[] };

/** A user's product activity as read from the per-user last-active-dates fallback. */
export interface UserActivity {
  accountId: string;
  addedToOrgAt: Date | null;
  products: { productKey: string; resourceId: string; lastActiveAt: Date | null }[];
}

export interface DirectoryChange {
  id: string;
  at: Date;
  action: string;
  accountId: string | null;
  groupId: string | null;
}

/** A page of the org's change feed (events-stream). */
export interface ChangeFeedPage {
  items: DirectoryChange[];
  /** Where to read from next time: persist it, even when caught up (the feed is polled from it). */
  cursor: string | null;
  /** True when the feed had no more changes waiting: stop draining until the next poll. */
  caughtUp: boolean;
}

/** Where to start reading the change feed: a saved cursor, or a time for the first read. */
export type ChangeFeedStart = { cursor: string } | { since: Date };

/**
 * The organization's directory as the Atlassian Admin APIs expose it. Implementations pace themselves
 * to the org's rate limits and throw DomainError (RATE_LIMITED, API_KEY_REJECTED, API_KEY_FORBIDDEN,
 * UPSTREAM_FAILED) instead of returning partial data: a failure is never reported as "no activity".
 */
export interface DirectoryGateway {
  listOrgs(): Promise<OrgSummary[]>;
  listDirectories(orgId: string): Promise<{ id: string; name: string }[]>;
  listProducts(orgId: string): Promise<Product[]>;
  /**
   * 100 users per page with product activity, groups and platform roles. `activityKnown` is true only when
   * every product entry came back with a timestamp; otherwise `lastActiveDates` is the fallback. With `filter`,
   * only members of those groups (a partial "group memberships" sync).
   */
  searchUsers(orgId: string, directoryId: string, cursor: string | null, filter?: UserSearchFilter): Promise<Page<User>>;
  /** Up to 100 groups per page with user counts and `grants` (from each group's role assignments). */
  searchGroups(orgId: string, directoryId: string, cursor: string | null): Promise<Page<Group>>;
  lastActiveDates(orgId: string, accountId: string): Promise<UserActivity>;
  /** Account-wide deactivation of a managed account (User management API); `message` is shown to the user. */
  deactivateAccount(accountId: string, message?: string): Promise<void>;
  reactivateAccount(accountId: string): Promise<void>;
  /** Directory-level suspension, for accounts the org does not manage. */
  suspendUser(orgId: string, directoryId: string, accountId: string): Promise<void>;
  restoreUser(orgId: string, directoryId: string, accountId: string): Promise<void>;
  assignProductRole(orgId: string, accountId: string, resourceId: string, role: string): Promise<void>;
  revokeProductRole(orgId: string, accountId: string, resourceId: string, role: string): Promise<void>;
  /** Adding a member who is already in the group succeeds. */
  addGroupMember(orgId: string, directoryId: string, groupId: string, accountId: string): Promise<void>;
  /** Removing a member who is no longer in the group succeeds. */
  removeGroupMember(orgId: string, directoryId: string, groupId: string, accountId: string): Promise<void>;
  /**
   * Expiry of the configured key from the API Access API. The list does not say which key is "this" one: the
   * key labelled `label` when given, else the org's only admin key. Null when the key may not read the list
   * (403), or when no key (or more than one) matches.
   */
  apiKeyExpiry(orgId: string, label?: string): Promise<Date | null>;
  /** Incremental changes (user, group, membership events) from the polling events stream. */
  changesSince(orgId: string, from: ChangeFeedStart): Promise<ChangeFeedPage>;
}
