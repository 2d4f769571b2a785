import type { Group } from '../model/group';
import type { Product } from '../model/product';
import type { User } from '../model/user';

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; null when this was the last page. */
  next: string | null;
}

export interface OrgSummary {
  id: string;
  name: string;
}

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

/**
 * The organization's directory as the Atlassian Admin APIs expose it. Implementations pace themselves
 * to the org's rate limits and throw DomainError (RATE_LIMITED, API_KEY_REJECTED, API_KEY_FORBIDDEN,
 * UPSTREAM_FAILED) instead of returning partial data: a failure is never reported as "no activity".
 */
export interface DirectoryGateway {
  listOrgs(): Promise<OrgSummary[]>;
  listDirectories(orgId: string): Promise<{ id: string; name: string }[]>;
  listProducts(orgId: string): Promise<Product[]>;
  /** 100 users per page with product activity and groups. */
  searchUsers(orgId: string, directoryId: string, cursor: string | null): Promise<Page<User>>;
  searchGroups(orgId: string, directoryId: string, cursor: string | null): Promise<Page<Group>>;
  lastActiveDates(orgId: string, accountId: string): Promise<UserActivity>;
  /** Account-wide deactivation of a managed account (User management API). */
  deactivateAccount(accountId: string): Promise<void>;
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
  /** Expiry of the configured key when the key may read the API Access API; null when it may not. */
  apiKeyExpiry(orgId: string): Promise<Date | null>;
  changesSince(orgId: string, cursor: string | null): Promise<Page<DirectoryChange>>;
}
