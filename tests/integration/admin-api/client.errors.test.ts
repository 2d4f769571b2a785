import { rejection, testClient } from './support/client';
import { fixtureAnswer } from './support/fixtureScript';
import { DIR, JIRA, ORG } from './support/fixtures';
import { startScriptedServer, type ScriptedAnswer, type ScriptedServer } from './support/scriptedServer';

jest.setTimeout(60_000);

let server: ScriptedServer;

beforeAll(async () => {
  server = await startScriptedServer(fixtureAnswer);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const answer = (a: ScriptedAnswer): void => {
  server.setScript(() => a);
};
const errors = (code: string, title: string, detail?: string): unknown => ({ errors: [{ id: 'e1', status: '4xx', code, title, detail }] });

describe('Admin API client: final statuses map to stable domain errors', () => {
  it('401 → API_KEY_REJECTED (expired or revoked key), not retried', async () => {
    answer({ status: 401, body: { code: 401, message: 'Unauthorized' } });
    const { gateway } = testClient(server.url);
    await expect(rejection(gateway.listOrgs())).resolves.toMatchObject({
      code: 'API_KEY_REJECTED',
      details: { status: 401, reason: 'Unauthorized' },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('401 after the admin replaced the key: re-reads the key once and succeeds with the new one', async () => {
    server.setScript((req) => (req.headers.authorization === 'Bearer new-key' ? fixtureAnswer(req) : { status: 401 }));
    const keys = ['old-key', 'new-key'];
    const { gateway } = testClient(server.url, { apiKey: () => Promise.resolve(keys.shift() ?? 'new-key') });
    await expect(gateway.listDirectories(ORG)).resolves.toHaveLength(2);
    expect(server.requests.map((r) => r.headers.authorization).slice(0, 2)).toEqual(['Bearer old-key', 'Bearer new-key']);
  });

  it('no key configured → API_KEY_MISSING without any request', async () => {
    const { gateway } = testClient(server.url, { apiKey: () => Promise.resolve(null) });
    await expect(rejection(gateway.listOrgs())).resolves.toMatchObject({ code: 'API_KEY_MISSING' });
    expect(server.requests).toHaveLength(0);
  });

  it('403 → API_KEY_FORBIDDEN with the reason from the body', async () => {
    answer({ status: 403, body: errors('ADMIN-403-3', 'Forbidden', 'This API key does not have the scope this operation needs') });
    const { gateway } = testClient(server.url);
    await expect(rejection(gateway.searchUsers(ORG, DIR, null))).resolves.toMatchObject({
      code: 'API_KEY_FORBIDDEN',
      details: { apiCode: 'ADMIN-403-3', reason: 'Forbidden: This API key does not have the scope this operation needs' },
    });
  });

  it('403 from the User management API names the restriction (e.g. not a managed account)', async () => {
    answer({ status: 403, body: { key: 'forbidden.action', context: { allowed: false, reason: { key: 'managedAccount' } } } });
    const { gateway } = testClient(server.url);
    await expect(rejection(gateway.deactivateAccount('u-1'))).resolves.toMatchObject({
      code: 'API_KEY_FORBIDDEN',
      details: { apiCode: 'forbidden.action', reason: 'forbidden.action: managedAccount', operation: 'disableAccount' },
    });
  });

  it('403 on the API key list → expiry unknown (null): the key may not read keys', async () => {
    answer({ status: 403, body: { errors: [{ id: 'x', status: '403', code: 'GENERIC_ERROR', title: 'Forbidden' }] } });
    const { gateway } = testClient(server.url);
    await expect(gateway.apiKeyExpiry(ORG, 'license-optimizer')).resolves.toBeNull();
  });

  it('404: NOT_FOUND for a user or group that is gone, success when removing a membership', async () => {
    answer({ status: 404 });
    const { gateway } = testClient(server.url);
    await expect(rejection(gateway.suspendUser(ORG, DIR, 'gone'))).resolves.toMatchObject({ code: 'NOT_FOUND' });
    answer({ status: 404, body: errors('ADMIN-404-8', 'User not found') });
    await expect(rejection(gateway.lastActiveDates(ORG, 'gone'))).resolves.toMatchObject({
      code: 'NOT_FOUND',
      details: { apiCode: 'ADMIN-404-8' },
    });
    answer({ status: 404 });
    await expect(gateway.removeGroupMember(ORG, DIR, 'g-1', 'gone')).resolves.toBeUndefined();
  });

  it('409 product licence limit → LICENSE_LIMIT_REACHED, another 409 → CONFLICT; 400 → VALIDATION_FAILED', async () => {
    const { gateway } = testClient(server.url);
    answer({ status: 409, body: errors('ADMIN-UAM-409-3', 'Product License Limit Exceeded') });
    await expect(rejection(gateway.assignProductRole(ORG, 'u-1', JIRA, 'atlassian/user'))).resolves.toMatchObject({
      code: 'LICENSE_LIMIT_REACHED',
      details: { apiCode: 'ADMIN-UAM-409-3', operation: 'assignRole' },
    });
    answer({ status: 409, body: errors('ADMIN-409-3', 'License limit exceeded') });
    await expect(rejection(gateway.assignProductRole(ORG, 'u-1', JIRA, 'atlassian/user'))).resolves.toMatchObject({ code: 'LICENSE_LIMIT_REACHED' });
    answer({ status: 409, body: errors('ADMIN-UAM-409-2', 'Resource conflicts') });
    await expect(rejection(gateway.revokeProductRole(ORG, 'u-1', JIRA, 'atlassian/user'))).resolves.toMatchObject({
      code: 'CONFLICT',
      details: { apiCode: 'ADMIN-UAM-409-2' },
    });
    answer({ status: 400, body: errors('ADMIN-UAM-400-2', 'Inactive user') });
    await expect(rejection(gateway.revokeProductRole(ORG, 'u-1', JIRA, 'atlassian/user'))).resolves.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { apiCode: 'ADMIN-UAM-400-2' },
    });
  });

  it('writes resolve on 204 and send exactly the documented path and body', async () => {
    server.setScript(fixtureAnswer);
    const { gateway } = testClient(server.url);
    await gateway.removeGroupMember(ORG, DIR, 'ari:cloud:identity::group/1', 'u:1');
    await gateway.deactivateAccount('u:1', 'Inactive for 180 days');
    await gateway.reactivateAccount('u:1');
    expect(server.requests.map((r) => [r.method, r.path, r.text])).toEqual([
      ['DELETE', `/admin/v2/orgs/${ORG}/directories/${DIR}/groups/ari%3Acloud%3Aidentity%3A%3Agroup%2F1/memberships/u%3A1`, ''],
      ['POST', '/users/u%3A1/manage/lifecycle/disable', '{"message":"Inactive for 180 days"}'],
      ['POST', '/users/u%3A1/manage/lifecycle/enable', ''],
    ]);
  });
});
