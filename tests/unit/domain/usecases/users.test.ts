import type { Task } from '../../../../src/domain/model/task';
import { defaultSettings } from '../../../../src/domain/model/settings';
import { listAudit, reasonKeyOf } from '../../../../src/domain/usecases/audit/listAudit';
import { countUsers, listUsers } from '../../../../src/domain/usecases/users/listUsers';
import { listCustomers, listProjectUsers, siteChoices } from '../../../../src/domain/usecases/users/siteUsers';
import { userDetail } from '../../../../src/domain/usecases/users/userDetail';
import { access, aGroup, aUser, daysAgo, JIRA_SITE, NOW, ref } from '../fixtures';
import { FakeAuditLog, FakeClock, FakeGroupRepository, FakeProductRepository, FakeSecretStore, FakeSettingsStore, FakeUserRepository, Tables } from '../fakes';

const product = { key: 'jira-software', resourceId: JIRA_SITE, name: 'Jira', siteUrl: 'https://acme.atlassian.net', seatCapacity: 10 };
const jiraGrant = { productKey: 'jira-software', resourceId: JIRA_SITE, role: 'atlassian/user' };
const jiraUsers = aGroup({ id: 'g-jira', name: 'jira-users', grants: [jiraGrant] });
const oktaJira = aGroup({ id: 'g-okta', name: 'okta-jira', idpSynced: true, modifiable: false, grants: [jiraGrant], directory: { id: 'dir-idp', name: 'Okta sync' } });
const team = aGroup({ id: 'g-team', name: 'team' });

const setup = (secrets = new FakeSecretStore()) => {
  const settings = new FakeSettingsStore({ ...defaultSettings(), protectedEmails: ['@vip.test'] });
  const users = new FakeUserRepository(new Tables(), [
    aUser({ accountId: 'ann', name: 'Ann', email: 'ann@vip.test', productAccess: [access('jira-software', daysAgo(2))] }),
    aUser({
      accountId: 'bob', name: 'Bob', email: 'bob@acme.test', productAccess: [access('jira-software', daysAgo(100)), access('confluence', daysAgo(200))],
      groups: [ref(jiraUsers), ref(oktaJira), ref(team)],
    }),
    aUser({ accountId: 'cy', name: 'Cy', activityKnown: false, productAccess: [access('jira-software', null)] }),
  ]);
  const audit = new FakeAuditLog();
  const groups = new FakeGroupRepository(new Tables(), [jiraUsers, oktaJira, team]);
  return { settings, secrets, users, audit, groups, products: new FakeProductRepository(new Tables(), [product]), clock: new FakeClock() };
};

describe('users use cases (U1, U4, U5)', () => {
  it('lists users with inactivity per product and overall, protection and the admin.atlassian.com link', async () => {
    const deps = setup();
    const page = await listUsers({ filter: {}, sort: { key: 'name', direction: 'asc' }, limit: 2, after: null }, deps);
    expect(page.next).not.toBeNull();
    expect(page.items.map((u) => u.accountId)).toEqual(['ann', 'bob']);
    expect(page.items[0]).toMatchObject({ inactivity: 'active', inactiveDays: 2, protected: true, adminUrl: 'https://admin.atlassian.com/o/org-1/users/ann' });
    expect(page.items[1]).toMatchObject({
      inactivity: 'warning',
      lastActiveAt: daysAgo(100),
      products: [
        { productKey: 'jira-software', productName: 'Jira', inactivity: 'warning' },
        { productKey: 'confluence', productName: null, inactivity: 'overdue' },
      ],
    });
    const rest = await listUsers({ filter: {}, sort: { key: 'name', direction: 'asc' }, limit: 2, after: page.next }, deps);
    expect(rest.items[0]).toMatchObject({ accountId: 'cy', inactivity: 'unknown', inactiveDays: null, lastActiveAt: null });
  });

  it('with a product chosen, shows each row\'s state, last activity and days in that product, the ones the filter used (I1)', async () => {
    const deps = setup();
    const page = await listUsers({ filter: { productKey: 'confluence', inactivity: ['overdue'] }, sort: { key: 'name', direction: 'asc' }, limit: 10, after: null }, deps);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ accountId: 'bob', activityProduct: 'confluence', inactivity: 'overdue', lastActiveAt: daysAgo(200), inactiveDays: 200 });
    const overall = await listUsers({ filter: {}, sort: { key: 'name', direction: 'asc' }, limit: 10, after: null }, deps);
    expect(overall.items[1]).toMatchObject({ accountId: 'bob', activityProduct: null, inactivity: 'warning', lastActiveAt: daysAgo(100), inactiveDays: 100 });
  });

  it('lists a user added days ago without activity as new, and not among the inactive (I1)', async () => {
    const deps = setup();
    await deps.users.upsertMany([aUser({ accountId: 'dee', name: 'Dee', addedToOrgAt: daysAgo(1), productAccess: [access('jira-software', null)] })], 2);
    const page = await listUsers({ filter: { inactivity: ['new'] }, sort: { key: 'name', direction: 'asc' }, limit: 10, after: null }, deps);
    expect(page.items.map((u) => [u.accountId, u.inactivity, u.inactiveDays])).toEqual([['dee', 'new', 1]]);
    expect(await countUsers({ inactivity: ['warning', 'overdue', 'never-active'] }, deps)).toEqual({ count: 1 });
  });

  it('has no admin link before a key is configured, and counts matches of a filter', async () => {
    const deps = setup(new FakeSecretStore(null));
    const page = await listUsers({ filter: { protected: false }, sort: { key: 'name', direction: 'asc' }, limit: 10, after: null }, deps);
    expect(page.items.map((u) => u.adminUrl)).toEqual([null, null]);
    expect(await countUsers({ inactivity: ['warning', 'overdue'] }, deps)).toEqual({ count: 1 });
  });

  it('shows one user with the entries protecting them and their audit history', async () => {
    const deps = setup();
    await deps.audit.append([
      { id: 'a1', at: NOW, actor: { kind: 'admin', accountId: 'bob' }, action: 'user.deactivate', targetAccountId: 'ann', outcome: 'skipped', reason: 'protected', details: {}, jobId: 'j1' },
    ]);
    const detail = await userDetail({ accountId: 'ann', auditLimit: 10, auditAfter: null }, deps);
    expect(detail.protectedBy).toEqual(['@vip.test']);
    expect(detail.audit.items).toEqual([
      expect.objectContaining({ actor: { kind: 'admin', accountId: 'bob', name: 'Bob' }, targetName: 'Ann', reasonKey: 'bulk.reasons.protected', actionKey: 'audit.actions.user.deactivate' }),
    ]);
    await expect(userDetail({ accountId: 'nobody', auditLimit: 10, auditAfter: null }, deps)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('says per product what grants it: the groups (marked when synced from the IdP, with their directory) or a direct role (U5)', async () => {
    const detail = await userDetail({ accountId: 'bob', auditLimit: 10, auditAfter: null }, setup());
    expect(detail.accessPaths).toEqual([
      {
        productKey: 'jira-software', resourceId: JIRA_SITE, productName: 'Jira',
        groups: [{ id: 'g-jira', name: 'jira-users', idpSynced: false, directory: null }, { id: 'g-okta', name: 'okta-jira', idpSynced: true, directory: 'Okta sync' }],
      },
      { productKey: 'confluence', resourceId: access('confluence', null).resourceId, productName: null, groups: [] },
    ]);
  });

  it('pages project role members and customers through the site queries', async () => {
    const site = {
      projectRoleMembers: jest.fn().mockResolvedValue({ items: [], next: null }),
      customers: jest.fn().mockResolvedValue({ items: [], next: 'n' }),
      projects: jest.fn().mockResolvedValue([{ id: 'OPS', name: 'Operations' }]),
      serviceDesks: jest.fn().mockResolvedValue([]),
      organizations: jest.fn().mockResolvedValue([]),
    };
    await listProjectUsers({ projectKey: 'OPS', limit: 5, after: null }, { site });
    expect(site.projectRoleMembers).toHaveBeenCalledWith({ projectKey: 'OPS', roleName: undefined }, 5, null);
    expect(await listCustomers({ organizationId: 'o1', limit: 5, after: 'c' }, { site })).toEqual({ items: [], next: 'n' });
    expect(site.customers).toHaveBeenCalledWith({ serviceDeskId: undefined, organizationId: 'o1' }, 5, 'c');
    expect(await siteChoices('projects', { site })).toEqual({ items: [{ id: 'OPS', name: 'Operations' }] });
    expect(await siteChoices('serviceDesks', { site })).toEqual({ items: [] });
  });
});

describe('audit log (A2)', () => {
  it('names actors and targets from the directory and keys reasons for translation', async () => {
    const audit = new FakeAuditLog();
    await audit.append([
      { id: 'e1', at: NOW, actor: { kind: 'task', taskId: 't1' }, action: 'product.revoke', targetAccountId: 'gone', outcome: 'failed', reason: 'RATE_LIMITED', details: {}, jobId: null },
      { id: 'e2', at: NOW, actor: { kind: 'system' }, action: 'sync.run', targetAccountId: null, outcome: 'succeeded', reason: null, details: {}, jobId: null },
      { id: 'e3', at: NOW, actor: { kind: 'task', taskId: 't-gone' }, action: 'user.deactivate', targetAccountId: null, outcome: 'succeeded', reason: null, details: {}, jobId: null },
    ]);
    const tasks = { get: (id: string) => Promise.resolve(id === 't1' ? { id, name: 'Clean up Jira' } as Task : null) };
    const page = await listAudit({ limit: 10, after: null }, { audit, users: new FakeUserRepository(), products: new FakeProductRepository(), tasks });
    expect(page.items.map((e) => [e.actor, e.targetName, e.reasonKey])).toEqual([
      [{ kind: 'task', taskId: 't-gone', name: null }, null, null],
      [{ kind: 'system' }, null, null],
      [{ kind: 'task', taskId: 't1', name: 'Clean up Jira' }, null, 'errors.RATE_LIMITED'],
    ]);
    expect(reasonKeyOf('not-managed')).toBe('bulk.reasons.not-managed');
    expect(reasonKeyOf('TARGET_REJECTED', 'webhook.delivery')).toBe('webhooks.errors.TARGET_REJECTED');
  });
});
