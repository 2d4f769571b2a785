import { operations, type Operation } from '../../src/adapters/admin-api';
import { testClient } from '../integration/admin-api/support/client';
import { fixtureAnswer } from '../integration/admin-api/support/fixtureScript';
import { DIR, JIRA, ORG } from '../integration/admin-api/support/fixtures';
import { patchSpecQuirks } from '../integration/admin-api/support/specQuirks';
import { startScriptedServer, type ScriptedAnswer, type ScriptedServer, type SeenRequest } from '../integration/admin-api/support/scriptedServer';
import { operationOf, specForPath, validateRequest, validateResponse } from '../support/openapi';

jest.setTimeout(60_000);

/*
 * Every request the Admin API client sends, captured on the wire, must be valid against the official OpenAPI
 * documents (their committed contract, contract/openapi); so must every fixture body the client tests serve. One call of each gateway
 * method drives all the client's operations; the test fails if an operation was not exercised.
 */

// `roles/assign|revoke` declare `userId` as a uuid, so the captured calls use a uuid-shaped account id.
const USER = '12345678-1234-1234-1234-123456789012';
const GROUP = '22222222-2222-2222-2222-222222222222';

interface Exchange {
  req: SeenRequest;
  answer: ScriptedAnswer;
  operation: Operation;
}

let server: ScriptedServer;
const exchanges: Exchange[] = [];

beforeAll(async () => {
  await Promise.all([patchSpecQuirks('organization'), patchSpecQuirks('userManagement')]);
  const answered: { req: SeenRequest; answer: ScriptedAnswer }[] = [];
  server = await startScriptedServer((req) => {
    const answer = fixtureAnswer(req);
    answered.push({ req, answer });
    return answer;
  });
  const { gateway, attempts } = testClient(server.url);
  await gateway.listOrgs();
  await gateway.listDirectories(ORG);
  await gateway.listProducts(ORG);
  const users = await gateway.searchUsers(ORG, DIR, null);
  await gateway.searchUsers(ORG, DIR, users.next);
  await gateway.searchUsers(ORG, DIR, null, { groupIds: [GROUP, 'ari:cloud:identity::group/1'] });
  const groups = await gateway.searchGroups(ORG, DIR, null);
  await gateway.searchGroups(ORG, DIR, groups.next);
  await gateway.lastActiveDates(ORG, USER);
  await gateway.apiKeyExpiry(ORG, 'license-optimizer');
  await gateway.suspendUser(ORG, DIR, USER);
  await gateway.restoreUser(ORG, DIR, USER);
  await gateway.deactivateAccount(USER);
  await gateway.deactivateAccount(USER, 'Inactive for 180 days');
  await gateway.reactivateAccount(USER);
  await gateway.assignProductRole(ORG, USER, JIRA, 'atlassian/user');
  await gateway.revokeProductRole(ORG, USER, JIRA, 'atlassian/user');
  await gateway.removeGroupMember(ORG, DIR, GROUP, USER);
  await gateway.addGroupMember(ORG, DIR, GROUP, USER);
  // Attempts are reported in the order the requests were answered (no retries happen here).
  answered.forEach((a, i) => {
    const operation = attempts[i]?.operation;
    if (!operation) throw new Error(`no attempt recorded for request ${String(i)}`);
    exchanges.push({ ...a, operation });
  });
});
afterAll(() => server.close());

const queryOf = (q: URLSearchParams): Record<string, string> => Object.fromEntries(q);
const headersOf = (req: SeenRequest): Record<string, string> =>
  Object.fromEntries(Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'));

describe('contract: the requests the Admin API client sends', () => {
  it('exercises every operation the client knows', () => {
    expect(new Set(exchanges.map((e) => e.operation))).toEqual(new Set(operations));
  });

  it.each(operations)('%s requests are valid against the official document', async (operation) => {
    const sent = exchanges.filter((e) => e.operation === operation);
    expect(sent.length).toBeGreaterThan(0);
    for (const { req } of sent) {
      const spec = specForPath(req.path);
      expect(await operationOf(spec, req.method, req.path)).toBeDefined();
      const errors = await validateRequest(spec, {
        method: req.method,
        path: req.path,
        query: queryOf(req.query),
        headers: headersOf(req),
        ...(req.body === undefined ? {} : { body: req.body }),
      });
      expect({ operation, path: req.path, errors }).toEqual({ operation, path: req.path, errors: [] });
    }
  });

  it('sends a JSON body exactly where the document has a request body, and the key on every request', () => {
    for (const { req } of exchanges) {
      expect(req.headers.authorization).toBe('Bearer test-key');
      expect(req.headers['content-type']).toBe(req.text === '' ? undefined : 'application/json');
    }
    const bodies = new Set(exchanges.filter((e) => e.req.text !== '').map((e) => e.operation));
    expect(bodies).toEqual(
      new Set(['searchWorkspaces', 'searchUsers', 'searchGroups', 'assignRole', 'revokeRole', 'disableAccount', 'addGroupMember']),
    );
  });

  it('negative control: the same validators reject requests the documents do not allow', async () => {
    const bad: [string, { method: string; path: string; query?: Record<string, string>; body?: unknown }][] = [
      ['users/search limit', { method: 'POST', path: `/admin/v2/orgs/${ORG}/directories/${DIR}/users/search`, body: { limit: 500 } }],
      ['users/search expand', { method: 'POST', path: `/admin/v2/orgs/${ORG}/directories/${DIR}/users/search`, body: { expand: ['all'] } }],
      ['workspaces limit', { method: 'POST', path: `/admin/v2/orgs/${ORG}/workspaces`, body: { limit: 5000 } }],
      ['api-keys pageSize', { method: 'GET', path: `/admin/api-access/v1/orgs/${ORG}/api-keys`, query: { pageSize: '7' } }],
      ['roles/assign role', { method: 'POST', path: `/admin/v1/orgs/${ORG}/users/${USER}/roles/assign`, body: { role: 'god' } }],
      ['memberships body', { method: 'POST', path: `/admin/v2/orgs/${ORG}/directories/${DIR}/groups/${GROUP}/memberships`, body: {} }],
    ];
    for (const [name, req] of bad) {
      const errors = await validateRequest(specForPath(req.path), { ...req, headers: { authorization: 'Bearer k' } });
      expect({ name, rejected: errors.length > 0 }).toEqual({ name, rejected: true });
    }
  });

  it('the fixtures the client tests answer with are valid responses too', async () => {
    for (const { req, answer } of exchanges) {
      const spec = specForPath(req.path);
      const errors = await validateResponse(spec, req.method, req.path, answer.status, answer.body);
      expect({ path: req.path, errors }).toEqual({ path: req.path, errors: [] });
    }
  });
});
