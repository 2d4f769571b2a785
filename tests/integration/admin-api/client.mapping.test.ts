import { createAdminApiGateway } from '../../../src/adapters/admin-api';
import { testClient, type TestClient } from './support/client';
import { fixtureAnswer } from './support/fixtureScript';
import { CONF, DIR, GROUP_ARI, JIRA, ORG } from './support/fixtures';
import { startScriptedServer, type ScriptedServer } from './support/scriptedServer';

jest.setTimeout(60_000);

let server: ScriptedServer;
let client: TestClient;

beforeAll(async () => {
  server = await startScriptedServer(fixtureAnswer);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setScript(fixtureAnswer);
  client = testClient(server.url);
});

describe('Admin API client: reading the organization', () => {
  it('lists the orgs the key belongs to, following v1 next-page URLs', async () => {
    await expect(client.gateway.listOrgs()).resolves.toEqual([
      { id: ORG, name: 'Acme' },
      { id: ORG, name: 'Acme' },
    ]);
    expect(server.requests.map((r) => r.query.get('cursor'))).toEqual([null, 'p2']);
  });

  it('lists directories over bare v2 cursors', async () => {
    await expect(client.gateway.listDirectories(ORG)).resolves.toEqual([
      { id: DIR, name: 'Primary' },
      { id: DIR, name: 'Primary' },
    ]);
    expect(server.requests[1]?.query.get('cursor')).toBe('p2');
    expect(server.requests[0]?.query.get('limit')).toBe('100');
  });

  it('maps workspaces to products with key, resource, site and seats; a cursor page carries only the cursor', async () => {
    const products = await client.gateway.listProducts(ORG);
    expect(products).toEqual([
      { key: 'jira-software', resourceId: JIRA, name: 'jira-software site', siteUrl: 'acme.atlassian.net', seatCapacity: 100 },
      { key: 'confluence', resourceId: CONF, name: 'confluence site', siteUrl: 'acme.atlassian.net', seatCapacity: null },
    ]);
    expect(server.requests.map((r) => r.body)).toEqual([{ limit: 100 }, { cursor: 'p2' }]);
  });
});

describe('Admin API client: users', () => {
  it('asks for 100 users with productAccess, groups and platformRoles, and passes the cursor on', async () => {
    const first = await client.gateway.searchUsers(ORG, DIR, null);
    await client.gateway.searchUsers(ORG, DIR, first.next);
    expect(first.next).toBe('p2');
    expect(server.requests[0]?.path).toBe(`/admin/v2/orgs/${ORG}/directories/${DIR}/users/search`);
    expect(server.requests[0]?.body).toEqual({ limit: 100, expand: ['productAccess', 'groups', 'platformRoles'] });
    expect(server.requests[1]?.body).toEqual({ limit: 100, expand: ['productAccess', 'groups', 'platformRoles'], cursor: 'p2' });
  });

  it('narrows the search to up to 10 groups; 0 or more than 10 is refused before any request', async () => {
    await client.gateway.searchUsers(ORG, DIR, null, { groupIds: ['g-1', 'g-2'] });
    expect(server.requests[0]?.body).toMatchObject({ groupIds: ['g-1', 'g-2'] });
    const eleven = Array.from({ length: 11 }, (_, i) => `g-${String(i)}`);
    await expect(client.gateway.searchUsers(ORG, DIR, null, { groupIds: eleven })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(client.gateway.searchUsers(ORG, DIR, null, { groupIds: [] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(server.requests).toHaveLength(1);
  });

  it('maps a MultiDirectoryUser to the domain user', async () => {
    const { items } = await client.gateway.searchUsers(ORG, DIR, null);
    expect(items[0]).toEqual({
      accountId: 'u-active',
      name: 'Ada Active',
      email: 'ada@acme.com',
      accountType: 'atlassian',
      accountStatus: 'active',
      membershipStatus: 'active',
      managed: true,
      managementSource: 'synced',
      billable: true,
      addedToOrgAt: new Date('2024-01-01T00:00:00.000Z'),
      productAccess: [
        { productKey: 'jira', resourceId: JIRA, lastActiveAt: new Date('2026-05-30T10:00:00.123Z') },
        { productKey: 'confluence', resourceId: CONF, lastActiveAt: new Date('2025-01-02T03:04:05Z') },
      ],
      activityKnown: true,
      groups: [{ id: GROUP_ARI.replace('ari:cloud:identity::group/', ''), name: 'jira-users' }],
      platformRoles: ['atlassian/org-admin'],
    });
  });

  it('marks activity known when at least one product came back with a timestamp (the others were never used)', async () => {
    const { items } = await client.gateway.searchUsers(ORG, DIR, null);
    const known = Object.fromEntries(items.map((u) => [u.accountId, u.activityKnown]));
    expect(known).toEqual({
      'u-active': true,
      'u-never': false, // empty list: never used, or not reported — the fallback decides
      'u-noexpand': false, // the expand did not come back
      'u-partial': true, // one product with a timestamp: the other was never used
      'u-suspended': false,
      'u-deactivated': false,
    });
    expect(items.find((u) => u.accountId === 'u-partial')?.productAccess[1]).toEqual({
      productKey: 'confluence',
      resourceId: CONF,
      lastActiveAt: null,
    });
  });

  it('derives statuses, management and billing from the composite status when the parts are missing', async () => {
    const { items } = await client.gateway.searchUsers(ORG, DIR, null);
    const byId = new Map(items.map((u) => [u.accountId, u]));
    expect(byId.get('u-suspended')).toMatchObject({ membershipStatus: 'suspended', managed: false, billable: false });
    expect(byId.get('u-deactivated')).toMatchObject({ accountStatus: 'inactive', name: 'Dee', billable: false, email: null });
  });
});

describe('Admin API client: groups', () => {
  it('reads groups with counts and the products their role assignments grant', async () => {
    const page = await client.gateway.searchGroups(ORG, DIR, null);
    expect(page.next).toBe('p2');
    const jira = page.items.find((g) => g.id === 'g-jira');
    expect(jira).toEqual({
      id: 'g-jira',
      name: 'jira-users',
      description: 'Jira licence group',
      idpSynced: false,
      modifiable: true,
      userCount: 42,
      grants: [
        { productKey: 'jira-software', resourceId: JIRA, role: 'atlassian/user' },
        // No resourceOwner: the product comes from the ARI; every role is one grant.
        { productKey: 'jira-servicedesk', resourceId: 'ari:cloud:jira-servicedesk::site/1', role: 'atlassian/user' },
        { productKey: 'jira-servicedesk', resourceId: 'ari:cloud:jira-servicedesk::site/1', role: 'atlassian/admin' },
      ],
    });
    expect(page.items.find((g) => g.id === 'g-idp')).toMatchObject({ idpSynced: true, modifiable: false, grants: [] });
    expect(page.items.find((g) => g.id === 'g-locked')).toMatchObject({ idpSynced: false, modifiable: false });
  });

  it('asks for user and resource counts, and role assignments only for groups that may hold roles', async () => {
    await client.gateway.searchGroups(ORG, DIR, null);
    expect(server.requests[0]?.body).toEqual({ limit: 100, expand: ['counts.users', 'counts.resources'] });
    const roleCalls = server.requests.filter((r) => r.path.endsWith('/role-assignments')).map((r) => r.path);
    expect(new Set(roleCalls)).toEqual(
      new Set([`/admin/v2/orgs/${ORG}/directories/${DIR}/groups/g-jira/role-assignments`, `/admin/v2/orgs/${ORG}/directories/${DIR}/groups/g-locked/role-assignments`]),
    );
  });
});

describe('Admin API client: activity fallback, key expiry, change feed', () => {
  it('reads every page of a user’s last-active dates', async () => {
    await expect(client.gateway.lastActiveDates(ORG, 'u:1')).resolves.toEqual({
      accountId: 'u:1',
      addedToOrgAt: new Date('2023-03-01T09:30:00Z'),
      products: [
        { productKey: 'jira-software', resourceId: JIRA, lastActiveAt: new Date('2026-05-20T08:00:00Z') },
        { productKey: 'confluence', resourceId: CONF, lastActiveAt: new Date('2025-12-24T00:00:00Z') },
      ],
    });
    expect(server.requests[0]?.path).toBe(`/admin/v1/orgs/${ORG}/directory/users/u%3A1/last-active-dates`);
  });

  it('finds the key’s expiry by label across pages, or the only key; null when ambiguous', async () => {
    await expect(client.gateway.apiKeyExpiry(ORG, 'license-optimizer')).resolves.toEqual(new Date('2026-07-15T12:00:00Z'));
    expect(server.requests[0]?.query.get('keyType')).toBe('CLOUD_ADMIN');
    await expect(client.gateway.apiKeyExpiry(ORG)).resolves.toBeNull();
    await expect(client.gateway.apiKeyExpiry(ORG, 'nobody')).resolves.toBeNull();
  });
});

describe('Admin API client: transport', () => {
  it('sends the key as a Bearer token and asks for JSON', async () => {
    await client.gateway.listDirectories(ORG);
    expect(server.requests[0]?.headers).toMatchObject({ authorization: 'Bearer test-key', accept: 'application/json' });
    expect(server.requests[0]?.headers['content-type']).toBeUndefined();
  });

  it('works through @forge/api’s fetch by default (plain Node fetch underneath, no Forge runtime needed)', async () => {
    const gateway = createAdminApiGateway({ apiKey: () => Promise.resolve('forge-key'), baseUrl: `${server.url}/` });
    await expect(gateway.listDirectories(ORG)).resolves.toHaveLength(2);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer forge-key');
  });
});
