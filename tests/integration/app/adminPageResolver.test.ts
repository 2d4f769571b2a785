import { useForgeRuntime } from '../../support/forgeRuntime';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { KvsSecretStore } from '../../../src/adapters/kvs/kvsSecretStore';
import { handler } from '../../../src/index';
import { aUser } from '../../unit/domain/fixtures';

const rt = useForgeRuntime();
const jiraAdmins = new Set(['admin-1', 'admin-2', 'admin-3', 'admin-4']);
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
  // The directory itself, asked for callers the synced copy does not hold yet: admin-4 is an org admin there.
  rt.setEgressHandler(async (url, init) => {
    liveLookups.push(url.pathname);
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { accountIds?: string[] };
    const found = (body.accountIds ?? []).includes('admin-4')
      ? [{ accountId: 'admin-4', accountType: 'atlassian', status: 'active', accountStatus: 'active', membershipStatus: 'active',
          name: 'Admin Four', platformRoles: ['atlassian/org-admin'], productAccess: [], groups: [] }]
      : [];
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

  it('decides by platform role from the synced directory once a key exists', async () => {
    await new KvsSecretStore().saveKey('key-abcd', { orgId: 'org-1', orgName: 'Acme', lastFour: 'abcd', expiresAt: null, expirySource: null });
    await ensureSchema();
    await new SqlUserRepository().upsertMany(
      [aUser({ accountId: 'admin-2', platformRoles: ['atlassian/org-admin'] }), aUser({ accountId: 'admin-3', platformRoles: ['atlassian/admin'] })],
      1,
    );
    await expect(invoke('admin-2', 'app.bootstrap')).resolves.toEqual({
      ok: true,
      data: { grant: { level: 'full', via: 'org-admin' }, apiKeyConfigured: true },
    });
    await expect(invoke('admin-3', 'app.bootstrap')).resolves.toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } });
    await expect(invoke('admin-1', 'app.bootstrap')).resolves.toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } });
  });

  it('asks the directory itself about a caller the synced copy does not hold yet (before the first sync)', async () => {
    const before = liveLookups.length;
    await expect(invoke('admin-4', 'app.bootstrap')).resolves.toEqual({
      ok: true,
      data: { grant: { level: 'full', via: 'org-admin' }, apiKeyConfigured: true },
    });
    await invoke('admin-4', 'app.bootstrap');
    expect(liveLookups.slice(before)).toEqual(['/admin/v2/orgs/org-1/directories/-/users/search']);
  });
});
