import { useForgeRuntime } from '../../support/forgeRuntime';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { KvsSecretStore } from '../../../src/adapters/kvs/kvsSecretStore';
import { handler } from '../../../src/index';
import { aUser } from '../../unit/domain/fixtures';

const rt = useForgeRuntime();
const jiraAdmins = new Set(['admin-1', 'admin-2', 'admin-3', 'admin-4', 'admin-5']);
/** The directory as the Admin API answers it now; admin-5 cannot be read (the directory refuses), admin-1 is not in it. */
const directoryRoles = new Map([['admin-2', ['atlassian/org-admin']], ['admin-3', ['atlassian/admin']], ['admin-4', ['atlassian/org-admin']]]);
let permissionChecks = 0;

beforeAll(() => {
  rt.setProductHandler((request) => {
    if (request.provider === 'user' && request.path.startsWith('/rest/api/3/mypermissions?permissions=ADMINISTER')) {
      permissionChecks += 1;
      const havePermission = jiraAdmins.has(request.accountId ?? '');
      return Response.json({ permissions: { ADMINISTER: { key: 'ADMINISTER', havePermission } } });
    }
    return Response.json({ errorMessages: ['unexpected'] }, { status: 404 });
  });
  // The directory itself, asked for every caller's roles (P5).
  rt.setEgressHandler(async (url, init) => {
    liveLookups.push(url.pathname);
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { accountIds?: string[] };
    const ids = body.accountIds ?? [];
    if (ids.includes('admin-5')) return Promise.resolve(Response.json({ code: 403, message: 'Forbidden' }, { status: 403 }));
    const found = ids.flatMap((accountId) => {
      const platformRoles = directoryRoles.get(accountId);
      return platformRoles === undefined
        ? []
        : [{ accountId, accountType: 'atlassian', status: 'active', accountStatus: 'active', membershipStatus: 'active', name: accountId, platformRoles, productAccess: [], groups: [] }];
    });
    return Promise.resolve(Response.json({ data: found, links: { self: null, prev: null, next: null } }));
  });
});
const liveLookups: string[] = [];

/** Calls the deployed resolver handler the way Forge does for an invoke() from the admin page. */
const invoke = (accountId: string, functionKey: string, payload: unknown = {}): Promise<unknown> =>
  rt.runtime.invoke({ accountId, functionKey: 'resolver', moduleKey: 'ulo-admin-page' }, () =>
    handler({ call: { functionKey, payload }, context: { moduleKey: 'ulo-admin-page' } }, { principal: { accountId } }),
  );

describe('admin page resolver (src/index.ts handler on the local Forge runtime)', () => {
  it('refuses a caller who is not a Jira administrator', async () => {
    await expect(invoke('someone', 'app.bootstrap')).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_JIRA_ADMIN', messageKey: 'errors.NOT_JIRA_ADMIN' },
    });
  });

  it('lets a Jira administrator bootstrap before a key exists, asking Jira once per minute', async () => {
    const before = permissionChecks;
    const first = await invoke('admin-1', 'app.bootstrap');
    await invoke('admin-1', 'app.bootstrap');
    expect(first).toEqual({ ok: true, data: { grant: { level: 'bootstrap' }, apiKeyConfigured: false } });
    expect(permissionChecks - before).toBe(1);
  });

  it('refuses an unknown payload field', async () => {
    const result = await invoke('admin-1', 'app.bootstrap', { extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('decides by platform role as the directory has it now, not as the synced copy has it (P5)', async () => {
    await new KvsSecretStore().saveKey('key-abcd', { orgId: 'org-1', orgName: 'Acme', lastFour: 'abcd', expiresAt: null, expirySource: null });
    await ensureSchema();
    // The synced copy is a day old: admin-2 was not an admin yet, admin-3 still was an org admin.
    await new SqlUserRepository().upsertMany(
      [aUser({ accountId: 'admin-2', platformRoles: [] }), aUser({ accountId: 'admin-3', platformRoles: ['atlassian/org-admin'] }), aUser({ accountId: 'admin-5', platformRoles: ['atlassian/org-admin'] })],
      1,
    );
    await expect(invoke('admin-2', 'app.bootstrap')).resolves.toEqual({
      ok: true,
      data: { grant: { level: 'full', via: 'org-admin' }, apiKeyConfigured: true },
    });
    await expect(invoke('admin-3', 'app.bootstrap')).resolves.toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } });
    await expect(invoke('admin-1', 'app.bootstrap')).resolves.toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } });
  });

  it('falls back on the synced copy\'s roles when the directory cannot be read', async () => {
    await expect(invoke('admin-5', 'app.bootstrap')).resolves.toMatchObject({ ok: true, data: { grant: { level: 'full', via: 'org-admin' } } });
  });

  it('asks the directory once per caller within 5 minutes, also for a caller the synced copy does not hold yet', async () => {
    const before = liveLookups.length;
    await expect(invoke('admin-4', 'app.bootstrap')).resolves.toEqual({
      ok: true,
      data: { grant: { level: 'full', via: 'org-admin' }, apiKeyConfigured: true },
    });
    await invoke('admin-4', 'app.bootstrap');
    expect(liveLookups.slice(before)).toEqual(['/admin/v2/orgs/org-1/directories/-/users/search']);
  });
});
