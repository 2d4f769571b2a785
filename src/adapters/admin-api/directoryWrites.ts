import type { DirectoryActions } from '../../domain/ports/directoryActions';
import { errorForStatus } from './errors';
import type { AdminHttp } from './http';
import { path, type ApiRequest } from './request';

type Writes = Omit<DirectoryActions, 'listDirectories' | 'searchUsers'>;

/**
 * The changes the app makes. Each resolves only on success (204, or a state that already holds); every
 * failure is a DomainError (401 API_KEY_REJECTED, 403 API_KEY_FORBIDDEN, 404 NOT_FOUND, 409 CONFLICT, or
 * LICENSE_LIMIT_REACHED for the 409 `ADMIN-UAM-409-3` of a grant beyond the product's seats ...).
 */
export const directoryWrites = (http: AdminHttp): Writes => {
  const post = async (req: Omit<ApiRequest, 'method'>): Promise<void> => {
    await http.send({ ...req, method: 'POST' });
  };
  const role = (operation: 'assignRole' | 'revokeRole', verb: 'assign' | 'revoke') =>
    (orgId: string, accountId: string, resourceId: string, roleId: string): Promise<void> =>
      post({
        operation,
        family: 'organizations',
        path: path`/v1/orgs/${orgId}/users/${accountId}/roles/${verb}`,
        body: { role: roleId, resource: resourceId },
      });

  return {
    // The body is required by the document; an empty one makes Atlassian use its default message.
    deactivateAccount: (accountId, message) =>
      post({
        operation: 'disableAccount',
        family: 'user-management',
        path: path`/users/${accountId}/manage/lifecycle/disable`,
        body: message === undefined ? {} : { message },
      }),
    reactivateAccount: (accountId) =>
      post({ operation: 'enableAccount', family: 'user-management', path: path`/users/${accountId}/manage/lifecycle/enable` }),
    suspendUser: (orgId, directoryId, accountId) =>
      post({
        operation: 'suspendUser',
        family: 'organizations',
        path: path`/v2/orgs/${orgId}/directories/${directoryId}/users/${accountId}/suspend`,
      }),
    restoreUser: (orgId, directoryId, accountId) =>
      post({
        operation: 'restoreUser',
        family: 'organizations',
        path: path`/v2/orgs/${orgId}/directories/${directoryId}/users/${accountId}/restore`,
      }),
    assignProductRole: role('assignRole', 'assign'),
    revokeProductRole: role('revokeRole', 'revoke'),
    // 409 whose message says only "already in the group": the state the caller wants (admin-api.md §4 item 3). A 409
    // without a body, or one that may mean a product with no free seat (its message names the user limit), stays a
    // CONFLICT: the executor reads the user live to tell (itemBatch).
    addGroupMember: async (orgId, directoryId, groupId, accountId) => {
      const { status, problem } = await http.send(
        {
          operation: 'addGroupMember',
          method: 'POST',
          family: 'organizations',
          path: path`/v2/orgs/${orgId}/directories/${directoryId}/groups/${groupId}/memberships`,
          body: { accountId },
        },
        [409],
      );
      const reason = problem?.reason ?? '';
      if (status === 409 && !(/already/i.test(reason) && !/limit/i.test(reason))) throw errorForStatus('addGroupMember', status, problem ?? { code: null, reason });
    },
    // 404: the membership (or the user in this directory) is already gone — the state the caller wants.
    removeGroupMember: async (orgId, directoryId, groupId, accountId) => {
      await http.send(
        {
          operation: 'removeGroupMember',
          method: 'DELETE',
          family: 'organizations',
          path: path`/v2/orgs/${orgId}/directories/${directoryId}/groups/${groupId}/memberships/${accountId}`,
        },
        [404],
      );
    },
  };
};
