import type { Group } from '../model/group';
import type { Product } from '../model/product';
import type { User } from '../model/user';

/** One page of a paged directory read. */
export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; null when this was the last page. */
  next: string | null;
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

/**
 * What the sync reads from the organization's directory (Atlassian Admin APIs). Implementations pace themselves
 * to the org's rate limits and throw DomainError (RATE_LIMITED, API_KEY_REJECTED, API_KEY_FORBIDDEN,
 * UPSTREAM_FAILED) instead of returning partial data: a failure is never reported as "no activity".
 */
export interface DirectoryReader {
  listDirectories(orgId: string): Promise<{ id: string; name: string }[]>;
  listProducts(orgId: string): Promise<Product[]>;
  /**
   * 100 users per page with product activity, groups and platform roles. `activityKnown` is true only when
   * every product entry came back with a timestamp; otherwise `lastActiveDates` is the fallback. With `filter`,
   * only members of those groups (a partial "group memberships" sync) or those accounts.
   */
  searchUsers(orgId: string, directoryId: string, cursor: string | null, filter?: UserSearchFilter): Promise<Page<User>>;
  /** Up to 100 groups per page with user counts and `grants` (from each group's role assignments). */
  searchGroups(orgId: string, directoryId: string, cursor: string | null): Promise<Page<Group>>;
  lastActiveDates(orgId: string, accountId: string): Promise<UserActivity>;
}
