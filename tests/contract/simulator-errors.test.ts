import { call, contractErrors, createSimulator, obj } from './simulator.harness';
import { fixtures } from './simulator.operations';

jest.setTimeout(60_000);

/** The operation-specific error answers (400, 403, 404, 409) the simulator can give, each valid against the spec. */
const sim = createSimulator();
beforeAll(() => sim.start());
afterAll(() => sim.stop());

interface Case {
  method: string;
  path: string;
  body?: unknown;
  status: number;
  /** Expected error code (ApplicationError.code / ProxyError.code / {key}); undefined for body-less answers. */
  code?: string | number;
}

function cases(): Record<string, Case> {
  const f = fixtures(sim);
  const { org } = sim.state;
  const o = `/admin/v1/orgs/${f.orgId}`;
  const d = `/admin/v2/orgs/${f.orgId}/directories/${f.dirId}`;
  const other = '00000000-0000-4000-8000-000000000000';
  const jira = org.workspaces.find((w) => w.product === 'jira-software')!;
  const bitbucket = org.workspaces.find((w) => w.product === 'bitbucket')!;
  const inactive = org.users.find((u) => u.accountStatus === 'inactive')!;
  const memberOfTeam = [...f.team.members].map((i) => org.users[i]!).find((u) => u.directory === f.team.directory);
  return {
    'orgs: bad cursor': { method: 'GET', path: '/admin/v1/orgs?cursor=nope', status: 400, code: 'ADMIN-400-1' },
    'directories: limit out of range': { method: 'GET', path: `/admin/v2/orgs/${f.orgId}/directories?limit=500`, status: 400 },
    'directories: unknown org (no 404 declared → 401)': { method: 'GET', path: `/admin/v2/orgs/${other}/directories`, status: 401 },
    'workspaces: cursor with other fields': { method: 'POST', path: `/admin/v2/orgs/${f.orgId}/workspaces`, body: { cursor: 'x', limit: 5 }, status: 400 },
    'workspaces: unknown org': { method: 'POST', path: `/admin/v2/orgs/${other}/workspaces`, body: {}, status: 404, code: 'ADMIN-404-2' },
    'users/search: searchTerm with emails': { method: 'POST', path: `${d}/users/search`, body: { searchTerm: 'a', emails: ['a@b.c'] }, status: 400 },
    'users/search: limit 101': { method: 'POST', path: `${d}/users/search`, body: { limit: 101 }, status: 400 },
    'users/search: bad cursor': { method: 'POST', path: `${d}/users/search`, body: { cursor: 'garbage' }, status: 400, code: 'ADMIN-400-1' },
    'users/search: unknown directory': { method: 'POST', path: `/admin/v2/orgs/${f.orgId}/directories/${other}/users/search`, body: {}, status: 404 },
    'groups/search: bad expand': { method: 'POST', path: `${d}/groups/search`, body: { expand: ['members'] }, status: 400 },
    'groups/search: unknown org': { method: 'POST', path: `/admin/v2/orgs/${other}/directories/-/groups/search`, body: {}, status: 404 },
    'group roles: unknown group': { method: 'GET', path: `${d}/groups/${other}/role-assignments`, status: 404, code: 'ADMIN-404-10' },
    'group roles: bad limit': { method: 'GET', path: `${d}/groups/${f.jiraUsers.id}/role-assignments?limit=0`, status: 400 },
    'last-active: unknown user': { method: 'GET', path: `${o}/directory/users/${other}/last-active-dates`, status: 404, code: 'ADMIN-404-8' },
    'last-active: bad cursor': { method: 'GET', path: `${o}/directory/users/${f.managed.accountId}/last-active-dates?cursor=x`, status: 400 },
    'suspend: unknown user': { method: 'POST', path: `${d}/users/${other}/suspend`, status: 404 },
    'suspend: malformed account id': { method: 'POST', path: `${d}/users/a%20b/suspend`, status: 400 },
    'restore: malformed account id': { method: 'POST', path: `${d}/users/a%2Fb/restore`, status: 400 },
    'suspend: org admin': { method: 'POST', path: `${d}/users/${f.orgAdmin.accountId}/suspend`, status: 403 },
    'restore: unknown directory': { method: 'POST', path: `/admin/v2/orgs/${f.orgId}/directories/${other}/users/${f.managed.accountId}/restore`, status: 404 },
    'disable: unknown account': { method: 'POST', path: `/users/${other}/manage/lifecycle/disable`, body: {}, status: 404, code: 'accountNotFound' },
    'disable: unmanaged account': { method: 'POST', path: `/users/${f.external.accountId}/manage/lifecycle/disable`, body: {}, status: 403, code: 'forbidden.action' },
    'enable: SCIM-provisioned account': { method: 'POST', path: `/users/${f.scim.accountId}/manage/lifecycle/enable`, status: 403, code: 'forbidden.action' },
    'assign: bad role': { method: 'POST', path: `${o}/users/${f.managed.accountId}/roles/assign`, body: { role: 'root' }, status: 400, code: 'ADMIN-UAM-400-1' },
    'assign: role not valid for product': { method: 'POST', path: `${o}/users/${f.managed.accountId}/roles/assign`, body: { role: 'atlassian/customer', resource: bitbucket.id }, status: 400, code: 'ADMIN-UAM-400-3' },
    'assign: inactive user': { method: 'POST', path: `${o}/users/${inactive.accountId}/roles/assign`, body: { role: 'atlassian/user', resource: jira.id }, status: 400, code: 'ADMIN-UAM-400-2' },
    'assign: unknown resource': { method: 'POST', path: `${o}/users/${f.managed.accountId}/roles/assign`, body: { role: 'atlassian/user', resource: 'ari:cloud:jira::site/x' }, status: 404 },
    'revoke: role held through a group': { method: 'POST', path: `${o}/users/${f.orgAdmin.accountId}/roles/revoke`, body: { role: 'atlassian/admin', resource: jira.id }, status: 409, code: 'ADMIN-UAM-409-2' },
    'revoke: unknown user': { method: 'POST', path: `${o}/users/${other}/roles/revoke`, body: { role: 'atlassian/user', resource: jira.id }, status: 404 },
    'add member: no body': { method: 'POST', path: `${d}/groups/${f.team.id}/memberships`, status: 400 },
    'add member: already a member': { method: 'POST', path: `${d}/groups/${f.team.id}/memberships`, body: { accountId: memberOfTeam?.accountId }, status: 409 },
    'add member: IdP-synced group': { method: 'POST', path: `${d}/groups/${f.synced.id}/memberships`, body: { accountId: f.managed.accountId }, status: 403 },
    'add member: unknown group': { method: 'POST', path: `${d}/groups/${other}/memberships`, body: { accountId: f.managed.accountId }, status: 404 },
    'remove member: not a member': { method: 'DELETE', path: `${d}/groups/${f.team.id}/memberships/${f.managed.accountId}`, status: 404 },
    'remove member: malformed account id': { method: 'DELETE', path: `${d}/groups/${f.team.id}/memberships/a%20b`, status: 400 },
    'remove member: IdP-synced group': { method: 'DELETE', path: `${d}/groups/${f.synced.id}/memberships/${f.managed.accountId}`, status: 403 },
    'api keys: bad page size': { method: 'GET', path: `/admin/api-access/v1/orgs/${f.orgId}/api-keys?pageSize=7`, status: 400, code: 'INVALID_PAGE_SIZE' },
    'api keys: other org': { method: 'GET', path: `/admin/api-access/v1/orgs/${other}/api-keys`, status: 403, code: 'GENERIC_ERROR' },
    'events: bad from': { method: 'GET', path: `${o}/events-stream?from=yesterday`, status: 400, code: 'ADMIN-400-3' },
    'events: limit 501': { method: 'GET', path: `${o}/events-stream?limit=501`, status: 400, code: 'ADMIN-400-21' },
    'events: bad cursor': { method: 'GET', path: `${o}/events-stream?cursor=zz`, status: 400, code: 'ADMIN-400-1' },
    'events: unknown org (no 404 declared → 401)': { method: 'GET', path: `/admin/v1/orgs/${other}/events-stream`, status: 401, code: 401 },
  };
}

function codeOf(body: unknown): unknown {
  if (body === undefined) return undefined;
  const b = obj(body);
  if (Array.isArray(b.errors)) return obj(b.errors[0]).code;
  return b.key ?? b.code;
}

it.each(Object.keys(cases()))('%s', async (name) => {
  const c = cases()[name]!;
  const answer = await call(sim, c.method, c.path, { body: c.body });
  expect(answer.status).toBe(c.status);
  if (c.code !== undefined) expect(codeOf(answer.body)).toBe(c.code);
  expect(await contractErrors(c.method, c.path, answer)).toEqual([]);
});
