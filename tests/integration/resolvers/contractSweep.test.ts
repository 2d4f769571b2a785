import { responses, SIM_KEY, useAppRig } from './support/harness';
import { seedFromSimulator } from './support/seed';
import { validPayloads } from './support/validPayloads';
import { DEFAULT_KEYS } from '../../../dev/admin-api-simulator';
import { SqlSiteDirectoryRepository } from '../../../src/adapters/forge-sql/site/sqlSiteDirectoryRepository';
import { allResolverKeys, type DashboardDto, type ResolverKey, type UsersPageDto } from '../../../src/contract';
import type { Group } from '../../../src/domain/model/group';
import type { User } from '../../../src/domain/model/user';

const rig = useAppRig(25);
let admin = '';
let orgId = '';
let users: User[] = [];
let groups: Group[] = [];

beforeAll(async () => {
  admin = rig.sim.state.org.users[0]?.accountId ?? '';
  rig.jiraAdmins.add(admin);
  orgId = rig.sim.state.org.id;
  await rig.ok(admin, 'apiKey.save', { key: SIM_KEY, orgId });
  ({ users, groups } = await seedFromSimulator());
  const site = new SqlSiteDirectoryRepository();
  const [a, b] = users;
  await site.upsertProjectRoleMembers(
    [
      { projectKey: 'OPS', projectName: 'Operations', roleName: 'Developers', accountId: a?.accountId ?? '', viaGroupId: groups[0]?.id ?? null },
      { projectKey: 'OPS', projectName: 'Operations', roleName: 'Administrators', accountId: b?.accountId ?? '', viaGroupId: null },
    ],
    1,
  );
  await site.upsertCustomers([{ serviceDeskId: '1', serviceDeskName: 'Help desk', accountId: 'customer-1', organizationIds: ['org-a', 'org-b'] }], 1);
}, 60_000);

/** Answers that are correct refusals for this sweep's state (no sync consumer in this file, no such job). */
const expectedFailures: Partial<Record<ResolverKey, string[]>> = {
  'sync.start': ['LOCK_HELD', 'INTERNAL', 'UPSTREAM_FAILED'],
  'jobs.results': ['NOT_FOUND'],
  'callers.revoke': ['NOT_FOUND'],
  'webhooks.removeTarget': ['NOT_FOUND'],
  'webhooks.test': ['NOT_FOUND'],
  'tasks.runNow': ['NOT_FOUND'],
  'tasks.runs': ['NOT_FOUND'],
  'tasks.runDetail': ['NOT_FOUND'],
  'tasks.proposal': ['NOT_FOUND'],
  'tasks.decideProposal': ['NOT_FOUND'],
  'tasks.get': ['NOT_FOUND'],
  'tasks.duplicate': ['NOT_FOUND'],
  'tasks.setEnabled': ['NOT_FOUND'],
  'tasks.delete': ['NOT_FOUND'],
  'revert.plan': ['NOT_FOUND'],
  'revert.start': ['NOT_FOUND'],
};

describe('every resolver answers in the shape of the contract, and the key never leaves the backend', () => {
  it.each(allResolverKeys.filter((k) => k !== 'apiKey.remove'))('%s', async (key) => {
    const payload = validPayloads({ users, groups, orgId })[key];
    const allowed = expectedFailures[key];
    if (allowed === undefined) {
      await rig.ok(admin, key, payload);
      return;
    }
    const result = (await rig.invoke(admin, key, payload)) as { ok: boolean; error?: { code: string } };
    if (!result.ok) expect(allowed).toContain(result.error?.code);
  });

  it('shows the synced org: users with their admin.atlassian.com link, the dashboard per product', async () => {
    const page = (await rig.ok(admin, 'users.list', { limit: 500 })) as UsersPageDto;
    expect(page.items.length).toBe(users.filter((u) => u.membershipStatus !== 'no_membership').length);
    expect(page.items[0]?.adminUrl).toBe(`https://admin.atlassian.com/o/${orgId}/users/${page.items[0]?.accountId ?? ''}`);
    const dashboard = (await rig.ok(admin, 'dashboard.get')) as DashboardDto;
    expect(dashboard.totals.users).toBe(page.items.length);
    expect(dashboard.products.length).toBeGreaterThan(0);
    expect(dashboard.saving).toMatchObject({ currency: 'USD', lines: [] });
    expect(dashboard.saving.assumptionKeys.length).toBe(5);
  });

  it('with a product chosen, each row shows that product\'s last activity and state, the ones the filter used (I1)', async () => {
    const productKey = users.flatMap((u) => u.productAccess)[0]?.productKey ?? 'jira-software';
    const page = (await rig.ok(admin, 'users.list', { filter: { productKey }, limit: 500 })) as UsersPageDto;
    expect(page.items.length).toBeGreaterThan(0);
    let differs = 0;
    for (const row of page.items) {
      const own = row.products.filter((p) => p.productKey === productKey);
      const latest = own.flatMap((p) => (p.lastActiveAt === null ? [] : [p.lastActiveAt])).sort().at(-1) ?? null;
      expect({ activityProduct: row.activityProduct, lastActiveAt: row.lastActiveAt }).toEqual({ activityProduct: productKey, lastActiveAt: latest });
      if (own.length === 1) expect(row.inactivity).toBe(own[0]?.inactivity);
      const overall = row.products.flatMap((p) => (p.lastActiveAt === null ? [] : [p.lastActiveAt])).sort().at(-1) ?? null;
      if (overall !== latest) differs += 1;
    }
    expect(differs).toBeGreaterThan(0);
  });

  it('refuses a rejected key with a clear state (S1)', async () => {
    expect(await rig.invoke(admin, 'apiKey.check', { key: DEFAULT_KEYS.expired })).toMatchObject({ ok: false, error: { code: 'API_KEY_REJECTED' } });
    expect(await rig.invoke(admin, 'apiKey.check', { key: DEFAULT_KEYS.scoped })).toMatchObject({ ok: false, error: { code: 'API_KEY_FORBIDDEN' } });
    expect(await rig.invoke(admin, 'apiKey.save', { key: SIM_KEY, orgId: 'another-org' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'orgId', messageKey: 'validation.apiKey.org-not-visible' }] } },
    });
  });

  it('removes the key (audited), after which only Settings are reachable', async () => {
    expect(await rig.ok(admin, 'apiKey.remove')).toEqual({ removed: true });
    expect(await rig.invoke(admin, 'users.list')).toMatchObject({ ok: false, error: { code: 'API_KEY_MISSING' } });
    expect(await rig.ok(admin, 'app.bootstrap')).toEqual({ grant: { level: 'bootstrap' }, apiKeyConfigured: false });
  });

  it('never put the API key into any response (P2)', () => {
    expect(responses.length).toBeGreaterThan(allResolverKeys.length);
    for (const response of responses) expect(JSON.stringify(response)).not.toContain(SIM_KEY);
  });
});
