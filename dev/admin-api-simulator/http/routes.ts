import { listApiKeys } from '../handlers/api-keys';
import { eventsStream } from '../handlers/events';
import { groupRoleAssignments } from '../handlers/group-roles';
import { searchGroups } from '../handlers/groups-search';
import { lastActiveDates } from '../handlers/last-active';
import { disableAccount, enableAccount, restoreUser, suspendUser } from '../handlers/lifecycle';
import { addMember, removeMember } from '../handlers/memberships';
import { getDirectories, getOrgs } from '../handlers/orgs';
import { assignRole, revokeRole } from '../handlers/roles';
import { searchUsers } from '../handlers/users-search';
import { searchWorkspaces } from '../handlers/workspaces';
import type { ErrorStyle, Route } from './route';

type Styles = Partial<Record<number, ErrorStyle>>;
const all = (style: ErrorStyle, statuses: number[]): Styles => Object.fromEntries(statuses.map((s) => [s, style]));

/** v2 directory reads: Errors bodies for 400/401/403/404/429/500. */
const v2 = all('errors', [400, 401, 403, 404, 429, 500]);
/** v2 writes without bodies. */
const bare = all('none', [400, 401, 403, 404, 429, 500]);
/** v1 reads: ApplicationErrors for 4xx/500, ProxyError for 401 (anyOf) and 429. */
const v1 = { ...all('errors', [400, 403, 404, 409, 500]), 401: 'proxy', 429: 'proxy' } satisfies Styles;
const ADMIN = '/admin/v2/orgs/{orgId}/directories/{directoryId}';

/**
 * Every operation the simulator serves. `styles` lists exactly the error statuses the spec declares for the
 * operation and the body each has; other statuses (the documented off-spec answers) use `fallback`.
 */
export const ROUTES: Route[] = [
  { method: 'GET', template: '/admin/v1/orgs', cls: 'orgs', scope: 'read:orgs:admin',
    styles: { 400: 'errors', 401: 'proxy', 429: 'proxy', 500: 'errors' }, fallback: 'proxy', handle: getOrgs },
  { method: 'GET', template: '/admin/v2/orgs/{orgId}/directories', cls: 'directories', scope: 'read:directories:admin',
    styles: all('errors', [400, 401, 429, 500]), fallback: 'errors', handle: getDirectories },
  { method: 'POST', template: '/admin/v2/orgs/{orgId}/workspaces', cls: 'workspaces', scope: 'read:workspaces:admin',
    styles: { ...all('application-error', [400, 403, 404, 500]), 401: 'proxy' }, fallback: 'proxy', handle: searchWorkspaces },
  { method: 'POST', template: `${ADMIN}/users/search`, cls: 'users-search', scope: null, styles: v2, fallback: 'errors',
    handle: searchUsers },
  { method: 'POST', template: `${ADMIN}/groups/search`, cls: 'groups-search', scope: null, styles: v2, fallback: 'errors',
    handle: searchGroups },
  { method: 'GET', template: `${ADMIN}/groups/{groupId}/role-assignments`, cls: 'group-role-assignments',
    scope: 'read:groups:admin', styles: v2, fallback: 'errors', handle: groupRoleAssignments },
  { method: 'GET', template: '/admin/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates',
    cls: 'last-active-dates', scope: null, styles: v1, fallback: 'errors', handle: lastActiveDates },
  { method: 'POST', template: `${ADMIN}/users/{accountId}/suspend`, cls: 'user-suspension', scope: null, styles: bare,
    fallback: 'none', handle: suspendUser },
  { method: 'POST', template: `${ADMIN}/users/{accountId}/restore`, cls: 'user-suspension', scope: null, styles: bare,
    fallback: 'none', handle: restoreUser },
  { method: 'POST', template: '/users/{account_id}/manage/lifecycle/disable', cls: 'user-lifecycle', scope: null,
    styles: all('key', [401, 403, 404]), fallback: 'proxy', handle: disableAccount },
  { method: 'POST', template: '/users/{account_id}/manage/lifecycle/enable', cls: 'user-lifecycle', scope: null,
    styles: all('key', [401, 403, 404]), fallback: 'proxy', handle: enableAccount },
  { method: 'POST', template: '/admin/v1/orgs/{orgId}/users/{userId}/roles/assign', cls: 'user-roles', scope: null,
    styles: v1, fallback: 'errors', handle: assignRole },
  { method: 'POST', template: '/admin/v1/orgs/{orgId}/users/{userId}/roles/revoke', cls: 'user-roles', scope: null,
    styles: v1, fallback: 'errors', handle: revokeRole },
  { method: 'POST', template: `${ADMIN}/groups/{groupId}/memberships`, cls: 'group-memberships', scope: null,
    styles: { ...bare, 409: 'none' }, fallback: 'none', handle: addMember },
  { method: 'DELETE', template: `${ADMIN}/groups/{groupId}/memberships/{accountId}`, cls: 'group-memberships',
    scope: null, styles: bare, fallback: 'none', handle: removeMember },
  { method: 'GET', template: '/admin/api-access/v1/orgs/{orgId}/api-keys', cls: 'api-keys', scope: 'read:keys:admin',
    styles: all('api-access', [400, 403, 500]), fallback: 'proxy', handle: listApiKeys },
  { method: 'GET', template: '/admin/v1/orgs/{orgId}/events-stream', cls: 'events-stream', scope: 'read:events:admin',
    styles: { 400: 'errors', 401: 'proxy', 429: 'proxy', 500: 'errors' }, fallback: 'proxy', handle: eventsStream },
];
