import { z } from 'zod';
import type { DirectoryGateway } from '../../domain/ports/directoryGateway';
import { errorForStatus } from './errors';
import type { AdminHttp } from './http';
import { path, type ApiRequest } from './request';

type Writes = Pick<
  DirectoryGateway,
  | 'deactivateAccount'
  | 'reactivateAccount'
  | 'suspendUser'
  | 'restoreUser'
  | 'assignProductRole'
  | 'revokeProductRole'
  | 'addGroupMember'
  | 'removeGroupMember'
>;

/** 409 on membership add means "already in the group" or "over an app's user limit"; only the first is success. */
const ALREADY_MEMBER = /already/i;
const OVER_LIMIT = /limit|exceed/i;
const membersPage = z.object({ data: z.array(z.object({ accountId: z.string() })) });

/**
 * The changes the app makes. Each resolves only on success (204, or a state that already holds); every
 * failure is a DomainError (401 API_KEY_REJECTED, 403 API_KEY_FORBIDDEN, 404 NOT_FOUND, 409 CONFLICT ...).
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
  const membership = (orgId: string, directoryId: string, groupId: string): string =>
    path`/v2/orgs/${orgId}/directories/${directoryId}/groups/${groupId}/memberships`;
  const isMember = async (orgId: string, directoryId: string, groupId: string, accountId: string): Promise<boolean> => {
    const page = await http.json(
      {
        operation: 'searchUsers',
        method: 'POST',
        family: 'organizations',
        path: path`/v2/orgs/${orgId}/directories/${directoryId}/users/search`,
        body: { accountIds: [accountId], groupIds: [groupId], limit: 1 },
      },
      membersPage,
    );
    return page.data.some((u) => u.accountId === accountId);
  };

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
    addGroupMember: async (orgId, directoryId, groupId, accountId) => {
      const { status, problem } = await http.send(
        {
          operation: 'addGroupMember',
          method: 'POST',
          family: 'organizations',
          path: membership(orgId, directoryId, groupId),
          body: { accountId },
        },
        [409],
      );
      if (status !== 409 || !problem) return;
      if (ALREADY_MEMBER.test(problem.reason) && !OVER_LIMIT.test(problem.reason)) return;
      // The document gives this 409 no body: when the reason does not say, ask the directory whether the
      // user is in the group now (then it was "already a member"); otherwise it is the app's user limit.
      if (!OVER_LIMIT.test(problem.reason) && (await isMember(orgId, directoryId, groupId, accountId))) return;
      throw errorForStatus('addGroupMember', status, problem);
    },
    // 404: the membership (or the user in this directory) is already gone — the state the caller wants.
    removeGroupMember: async (orgId, directoryId, groupId, accountId) => {
      await http.send(
        {
          operation: 'removeGroupMember',
          method: 'DELETE',
          family: 'organizations',
          path: `${membership(orgId, directoryId, groupId)}/${encodeURIComponent(accountId)}`,
        },
        [404],
      );
    },
  };
};
