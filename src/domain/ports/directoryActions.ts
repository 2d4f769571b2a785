import type { DirectoryReader } from './directoryReader';

/**
 * What a bulk action changes in the organization's directory (Atlassian Admin APIs), with the two reads it needs:
 * the org's directories, and the live state of a few accounts (`searchUsers` with an `accountIds` filter) that a
 * re-delivered item checks before calling again. Each write resolves only when the directory has the change (an
 * "already so" answer counts), and throws DomainError (401 API_KEY_REJECTED, 403 API_KEY_FORBIDDEN, 404 NOT_FOUND,
 * 409 CONFLICT, RATE_LIMITED, UPSTREAM_FAILED) otherwise.
 */
export interface DirectoryActions extends Pick<DirectoryReader, 'listDirectories' | 'searchUsers'> {
  /** Account-wide deactivation of a managed account (User management API); `message` is shown to the user. */
  deactivateAccount(accountId: string, message?: string): Promise<void>;
  reactivateAccount(accountId: string): Promise<void>;
  /** Directory-level suspension, for accounts the org does not manage. */
  suspendUser(orgId: string, directoryId: string, accountId: string): Promise<void>;
  restoreUser(orgId: string, directoryId: string, accountId: string): Promise<void>;
  assignProductRole(orgId: string, accountId: string, resourceId: string, role: string): Promise<void>;
  revokeProductRole(orgId: string, accountId: string, resourceId: string, role: string): Promise<void>;
  /** Adding a member (B5: a revert puts back a member a job removed); 404 in a directory that does not hold the group. */
  addGroupMember(orgId: string, directoryId: string, groupId: string, accountId: string): Promise<void>;
  /** Removing a member who is no longer in the group succeeds. */
  removeGroupMember(orgId: string, directoryId: string, groupId: string, accountId: string): Promise<void>;
}
