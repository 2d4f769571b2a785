import { DomainError } from '../../../../src/domain/model/errors';
import { defaultSettings } from '../../../../src/domain/model/settings';
import type { SyncRun } from '../../../../src/domain/model/jobs';
import { checkApiKey, removeApiKey, saveApiKey } from '../../../../src/domain/usecases/apiKey/manageApiKey';
import { getSettings } from '../../../../src/domain/usecases/settings/getSettings';
import { saveSettings } from '../../../../src/domain/usecases/settings/saveSettings';
import { getStatistics, searchGroups } from '../../../../src/domain/usecases/settings/statistics';
import { aGroup, aUser, JIRA_SITE, NOW, ref } from '../fixtures';
import {
  FakeApiKeyChecks,
  FakeAuditLog,
  FakeClock,
  FakeGroupRepository,
  FakeProductRepository,
  FakeSecretStore,
  FakeSettingsStore,
  FakeUserRepository,
  SequentialIds,
  Tables,
} from '../fakes';

const admin = { kind: 'admin' as const, accountId: 'me' };
const runs = (latest: Partial<SyncRun> | null, latestScheduled: Partial<SyncRun> | null = null) =>
  ({ latest: () => Promise.resolve(latest as SyncRun | null), latestScheduled: () => Promise.resolve(latestScheduled as SyncRun | null) }) as never;

const setup = () => ({
  settings: new FakeSettingsStore(),
  secrets: new FakeSecretStore({ orgId: 'org-1', orgName: 'Acme', lastFour: 'wxyz', expiresAt: new Date('2025-06-20T00:00:00Z'), expirySource: 'admin' }),
  products: new FakeProductRepository(new Tables(), [
    { key: 'jira-software', resourceId: JIRA_SITE, name: 'Jira', siteUrl: null, seatCapacity: 5 },
    { key: 'jira-core', resourceId: 'x', name: 'Jira Work Management', siteUrl: null, seatCapacity: 5 },
  ]),
  runs: runs({ startedAt: NOW, finishedAt: null, status: 'running' }),
  users: new FakeUserRepository(new Tables(), [aUser({ email: 'a@vip.test' }), aUser({ email: 'b@vip.test' }), aUser({ email: 'boss@corp.test' })]),
  audit: new FakeAuditLog(),
  ids: new SequentialIds(),
  clock: new FakeClock(),
});

const issuesOf = async (promise: Promise<unknown>): Promise<unknown> => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).details?.issues;
};

describe('settings (S2–S8)', () => {
  it('shows values, next and last sync, whitelist counts, product families and the key facts', async () => {
    const deps = setup();
    await deps.settings.save({ ...defaultSettings(), protectedEmails: ['@vip.test', 'boss@corp.test', 'admin-*@corp.test'] });
    const view = await getSettings(deps);
    expect(view.sync).toEqual({
      hour: 3,
      timeZone: 'UTC',
      nextSyncAt: new Date('2025-06-16T03:00:00Z'),
      nextSyncCatchUp: false,
      lastSync: { startedAt: NOW, finishedAt: null, status: 'running' },
    });
    expect(view.protectedEmails).toEqual([
      { entry: '@vip.test', kind: 'domain', protectedUsers: 2 },
      { entry: 'boss@corp.test', kind: 'exact', protectedUsers: 1 },
      { entry: 'admin-*@corp.test', kind: 'wildcard', protectedUsers: 0 },
    ]);
    expect(view.productFamilies).toEqual([{ family: 'jira', name: 'Jira', siteUrl: null }]);
    expect(view.apiKey).toMatchObject({ lastFour: 'wxyz', daysLeft: 4, expiryStatus: 'warning' });
    expect(view).not.toHaveProperty('version');
  });

  it('shows the next sync the hourly tick will make: a missed slot within the hour, none without a key', async () => {
    const deps = setup();
    deps.settings.settings = { ...defaultSettings(), sync: { hour: 10, timeZone: 'UTC' } };
    const yesterday = { trigger: 'schedule' as const, startedAt: new Date('2025-06-14T10:05:00Z'), finishedAt: null, status: 'succeeded' as const };
    const missed = await getSettings({ ...deps, runs: runs({ ...yesterday, trigger: 'manual' }, yesterday) });
    expect(missed.sync).toMatchObject({ nextSyncAt: new Date('2025-06-15T10:00:00Z'), nextSyncCatchUp: true });
    const made = await getSettings({ ...deps, runs: runs({ ...yesterday, startedAt: new Date('2025-06-15T10:20:00Z') }) });
    expect(made.sync).toMatchObject({ nextSyncAt: new Date('2025-06-16T10:00:00Z'), nextSyncCatchUp: false });
    expect((await getSettings({ ...deps, secrets: new FakeSecretStore(null) })).sync).toMatchObject({ nextSyncAt: null, nextSyncCatchUp: false });
  });

  it('has no next sync for an unknown zone, no last sync and no key on a fresh install', async () => {
    const deps = { ...setup(), secrets: new FakeSecretStore(null), runs: runs(null) };
    deps.settings.settings = { ...defaultSettings(), sync: { hour: 1, timeZone: 'Nowhere/Zone' } };
    expect(await getSettings(deps)).toMatchObject({ sync: { nextSyncAt: null, lastSync: null }, apiKey: null });
  });

  it('saves a partial update, keeps the rest and audits the sections changed', async () => {
    const deps = setup();
    const view = await saveSettings({ inactivity: { overdueDays: 120, warningDays: undefined }, sync: { timeZone: 'Europe/Paris' }, defaultLanguage: null }, admin, deps);
    expect(view.inactivity).toEqual({ warningDays: 90, overdueDays: 120 });
    expect(deps.settings.settings.sync).toEqual({ hour: 3, timeZone: 'Europe/Paris' });
    expect(deps.audit.list).toEqual([expect.objectContaining({ action: 'settings.update', actor: admin, details: { sections: 'defaultLanguage,inactivity,sync' } })]);
  });

  it('keeps the statistics groups (S6) apart from Show / Hide: saving one leaves the other', async () => {
    const deps = setup();
    await saveSettings({ statistics: { groupIds: ['g-1', 'g-2'] } }, admin, deps);
    await saveSettings({ statistics: { visible: false } }, admin, deps);
    expect(deps.settings.settings.statistics).toEqual({ visible: false, groupIds: ['g-1', 'g-2'] });
    expect((await getSettings(deps)).statistics).toEqual({ visible: false, groupIds: ['g-1', 'g-2'] });
    expect(await issuesOf(saveSettings({ statistics: { groupIds: Array.from({ length: 51 }, (_, i) => `g-${i}`) } }, admin, deps))).toEqual([
      expect.objectContaining({ path: 'statistics.groupIds' }),
    ]);
  });

  it('keeps the seat prices\' currency (US dollars until chosen) and refuses one that is not an ISO 4217 code (D4)', async () => {
    const deps = setup();
    expect((await getSettings(deps)).seatCurrency).toBe('USD');
    expect((await saveSettings({ seatCurrency: 'EUR' }, admin, deps)).seatCurrency).toBe('EUR');
    expect(await issuesOf(saveSettings({ seatCurrency: 'euro' }, admin, deps))).toEqual([
      expect.objectContaining({ path: 'seatCurrency', messageKey: 'validation.seatCurrency.unknown' }),
    ]);
    expect(deps.settings.settings.seatCurrency).toBe('EUR');
  });

  it('refuses a bad value with per-field issues and saves nothing', async () => {
    const deps = setup();
    const issues = await issuesOf(
      saveSettings({ inactivity: { warningDays: 5 }, sync: { hour: -1, timeZone: 'Bad/Zone' }, protectedEmails: ['x@y.test', ' X@Y.test'], seatPrices: { jira: 1e9 } }, admin, deps),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'inactivity.warningDays', messageKey: 'validation.threshold.not-a-choice' }),
        expect.objectContaining({ path: 'sync.hour', messageKey: 'validation.sync.hour-out-of-range' }),
        expect.objectContaining({ path: 'sync.timeZone', messageKey: 'validation.sync.unknown-time-zone' }),
        expect.objectContaining({ path: 'protectedEmails.1', messageKey: 'validation.protectedEmail.duplicate' }),
        expect.objectContaining({ path: 'seatPrices.jira', messageKey: 'validation.seatPrice.out-of-range' }),
      ]),
    );
    expect(await issuesOf(saveSettings({ defaultLanguage: 'x' }, admin, deps))).toEqual([expect.objectContaining({ messageKey: 'validation.language.unknown' })]);
    expect(await issuesOf(saveSettings({ access: { allowProductAdmins: 'yes' as unknown as boolean } }, admin, deps))).toEqual([
      expect.objectContaining({ path: 'access.allowProductAdmins', messageKey: 'validation.invalid_type' }),
    ]);
    expect(deps.settings.saved).toEqual([]);
    expect(deps.audit.list).toEqual([]);
  });

  it('counts users, groups and the members of chosen groups (S6), and searches groups by name', async () => {
    const synced = new Tables();
    const devs = aGroup({ id: 'g1', name: 'devs', userCount: 3 });
    const groups = new FakeGroupRepository(synced, [devs, aGroup({ id: 'g2', name: 'ops' })]);
    // Three synced members of `devs`; the users count comes from another synced copy, of one user.
    for (let i = 0; i < 3; i += 1) synced.writeUser(aUser({ groups: [ref(devs)] }), 0);
    const stats = await getStatistics(['g1', 'gone', 'g1'], { users: new FakeUserRepository(new Tables(), [aUser()]), groups });
    expect(stats).toEqual({ totalUsers: 1, totalGroups: 2, groups: [{ id: 'g1', name: 'devs', memberCount: 3 }, { id: 'gone', name: null, memberCount: 0 }] });
    expect(await searchGroups({ search: 'de', limit: 5, after: null }, { groups })).toEqual({
      items: [{ id: 'g1', name: 'devs', userCount: 3, idpSynced: false, modifiable: true }],
      next: null,
    });
    expect((await searchGroups({ limit: 1, after: null }, { groups })).next).not.toBeNull();
  });
});

describe('org API key (S1)', () => {
  const keyDeps = (checks = new FakeApiKeyChecks()) => ({
    checks,
    gatewayForKey: jest.fn(() => checks),
    secrets: new FakeSecretStore(null),
    audit: new FakeAuditLog(),
    ids: new SequentialIds(),
    clock: new FakeClock(),
  });

  it('checks a pasted key live and lists the orgs it sees', async () => {
    const deps = keyDeps();
    expect(await checkApiKey('pasted-key', deps)).toEqual({ orgs: [{ id: 'org-1', name: 'Acme' }] });
    expect(deps.gatewayForKey).toHaveBeenCalledWith('pasted-key');
  });

  it('refuses a key with scopes at the check and at the save: it reaches the org but may not search its users', async () => {
    const deps = keyDeps();
    deps.checks.probe = new DomainError('API_KEY_FORBIDDEN', 'scoped');
    await expect(checkApiKey('scoped-key', deps)).rejects.toMatchObject({ code: 'API_KEY_FORBIDDEN' });
    await expect(saveApiKey({ key: 'scoped-key-1', orgId: 'org-1' }, admin, deps)).rejects.toMatchObject({ code: 'API_KEY_FORBIDDEN' });
    expect(deps.checks.probed).toEqual(['org-1', 'org-1']);
    expect(deps.secrets.secret).toBeNull();
    expect(deps.audit.list).toEqual([]);
  });

  it('stores the key with the expiry the API reports, and audits without the key', async () => {
    const deps = keyDeps();
    deps.checks.expiry = new Date('2025-07-15T12:00:00Z');
    const view = await saveApiKey({ key: 'secret-key-9876', orgId: 'org-1', expiresAt: new Date('2026-01-01T00:00:00Z') }, admin, deps);
    expect(view).toEqual({ orgId: 'org-1', orgName: 'Acme', lastFour: '9876', expiresAt: new Date('2025-07-15T12:00:00Z'), expirySource: 'api', daysLeft: 30, expiryStatus: 'ok' });
    expect(deps.secrets.secret).toBe('secret-key-9876');
    expect(JSON.stringify(deps.audit.list)).not.toContain('secret-key');
    expect(deps.audit.list[0]).toMatchObject({ action: 'api-key.set', details: { orgId: 'org-1', expirySource: 'api' } });
  });

  it('falls back to the admin-entered expiry, or none, when the API cannot tell', async () => {
    const deps = keyDeps();
    deps.checks.expiry = new DomainError('API_KEY_FORBIDDEN', 'no');
    expect(await saveApiKey({ key: 'secret-key-1', orgId: 'org-1', expiresAt: new Date('2025-06-16T00:00:00Z') }, admin, deps)).toMatchObject({ expirySource: 'admin', expiryStatus: 'warning' });
    expect(await saveApiKey({ key: 'secret-key-2', orgId: 'org-1' }, admin, deps)).toMatchObject({ expirySource: null, expiresAt: null, expiryStatus: 'unknown' });
  });

  it('refuses an org the key does not see, and removes the key with an audit entry', async () => {
    const deps = keyDeps();
    expect(await issuesOf(saveApiKey({ key: 'secret-key-1', orgId: 'org-2' }, admin, deps))).toEqual([
      expect.objectContaining({ path: 'orgId', messageKey: 'validation.apiKey.org-not-visible' }),
    ]);
    expect(deps.secrets.secret).toBeNull();
    await saveApiKey({ key: 'secret-key-1', orgId: 'org-1' }, admin, deps);
    expect(await removeApiKey(admin, deps)).toEqual({ removed: true });
    expect(deps.secrets.key).toBeNull();
    expect(deps.audit.list.map((e) => [e.action, e.details.orgId])).toEqual([['api-key.set', 'org-1'], ['api-key.remove', 'org-1']]);
    await removeApiKey(admin, deps);
    expect(deps.audit.list[2]?.details).toEqual({ orgId: null });
  });
});
