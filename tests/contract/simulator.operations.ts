import type { AdminApiSimulator, EndpointClass, SimGroup, SimUser } from '../../dev/admin-api-simulator';

/** One call of an operation that succeeds on a fresh org. */
export interface OperationCall {
  name: string;
  cls: EndpointClass;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  /** Status of the success answer. */
  ok: 200 | 204;
}

/** Fixtures picked from the generated org. */
export interface Fixtures {
  orgId: string;
  dirId: string;
  /** Managed, invited (not SCIM), active, no platform role. */
  managed: SimUser;
  external: SimUser;
  scim: SimUser;
  orgAdmin: SimUser;
  /** A team group that is not IdP-synced and grants nothing. */
  team: SimGroup;
  synced: SimGroup;
  /** The default Jira access group. */
  jiraUsers: SimGroup;
}

/** Finds the fixtures (throws when the org lacks one, which would be a generator regression). */
export function fixtures(sim: AdminApiSimulator): Fixtures {
  const { org } = sim.state;
  const find = <T>(items: T[], pred: (x: T) => boolean, what: string): T => {
    const found = items.find(pred);
    if (found === undefined) throw new Error(`fixture missing: ${what}`);
    return found;
  };
  const plain = (u: SimUser): boolean => u.accountStatus === 'active' && u.membershipStatus === 'active' && u.platformRoles.length === 0;
  const managed = find(org.users, (u) => plain(u) && u.claimStatus === 'managed' && u.managementSource === 'invited', 'managed');
  return {
    orgId: org.id,
    dirId: find(org.directories, () => true, 'directory').id,
    managed,
    external: find(org.users, (u) => plain(u) && u.claimStatus === 'unmanaged', 'external'),
    scim: find(org.users, (u) => plain(u) && u.managementSource === 'synced', 'scim'),
    orgAdmin: find(org.users, (u) => u.platformRoles.includes('atlassian/org-admin'), 'org admin'),
    team: find(org.groups, (g) => !g.synced && g.grants.length === 0 && g.directory === managed.directory && !g.members.has(managed.index), 'team group'),
    synced: find(org.groups, (g) => g.synced, 'synced group'),
    jiraUsers: find(org.groups, (g) => g.isDefault && g.name.startsWith('jira-software-users'), 'jira users'),
  };
}

/** A successful call of every operation the simulator serves (writes are idempotent or undone by the next call). */
export function operations(sim: AdminApiSimulator): OperationCall[] {
  const f = fixtures(sim);
  const { org } = sim.state;
  const dir = `/admin/v2/orgs/${f.orgId}/directories/${f.dirId}`;
  const u = f.managed.accountId;
  const confluence = org.workspaces.find((w) => w.product === 'confluence')?.id ?? '';
  return [
    { name: 'getOrgs', cls: 'orgs', method: 'GET', path: '/admin/v1/orgs', ok: 200 },
    { name: 'getDirectories', cls: 'directories', method: 'GET', path: `/admin/v2/orgs/${f.orgId}/directories`, ok: 200 },
    { name: 'workspaces', cls: 'workspaces', method: 'POST', path: `/admin/v2/orgs/${f.orgId}/workspaces`, body: { limit: 100 }, ok: 200 },
    { name: 'usersSearch', cls: 'users-search', method: 'POST', path: `${dir}/users/search`, body: { expand: ['productAccess', 'groups', 'platformRoles'] }, ok: 200 },
    { name: 'groupsSearch', cls: 'groups-search', method: 'POST', path: `${dir}/groups/search`, body: { expand: ['counts.users', 'counts.resources'] }, ok: 200 },
    { name: 'groupRoles', cls: 'group-role-assignments', method: 'GET', path: `${dir}/groups/${f.jiraUsers.id}/role-assignments`, ok: 200 },
    { name: 'lastActive', cls: 'last-active-dates', method: 'GET', path: `/admin/v1/orgs/${f.orgId}/directory/users/${u}/last-active-dates`, ok: 200 },
    { name: 'suspend', cls: 'user-suspension', method: 'POST', path: `${dir}/users/${u}/suspend`, ok: 204 },
    { name: 'restore', cls: 'user-suspension', method: 'POST', path: `${dir}/users/${u}/restore`, ok: 204 },
    { name: 'disable', cls: 'user-lifecycle', method: 'POST', path: `/users/${u}/manage/lifecycle/disable`, body: { message: 'Inactive for 90 days' }, ok: 204 },
    { name: 'enable', cls: 'user-lifecycle', method: 'POST', path: `/users/${u}/manage/lifecycle/enable`, ok: 204 },
    { name: 'assignRole', cls: 'user-roles', method: 'POST', path: `/admin/v1/orgs/${f.orgId}/users/${u}/roles/assign`, body: { role: 'atlassian/guest', resource: confluence }, ok: 204 },
    { name: 'revokeRole', cls: 'user-roles', method: 'POST', path: `/admin/v1/orgs/${f.orgId}/users/${u}/roles/revoke`, body: { role: 'atlassian/guest', resource: confluence }, ok: 204 },
    { name: 'addMember', cls: 'group-memberships', method: 'POST', path: `${dir}/groups/${f.team.id}/memberships`, body: { accountId: u }, ok: 204 },
    { name: 'removeMember', cls: 'group-memberships', method: 'DELETE', path: `${dir}/groups/${f.team.id}/memberships/${u}`, ok: 204 },
    { name: 'apiKeys', cls: 'api-keys', method: 'GET', path: `/admin/api-access/v1/orgs/${f.orgId}/api-keys`, ok: 200 },
    { name: 'eventsStream', cls: 'events-stream', method: 'GET', path: `/admin/v1/orgs/${f.orgId}/events-stream?limit=10`, ok: 200 },
  ];
}
