import { ProtectedEmails } from '../../../../src/domain/policy/protectedEmails';
import { access, aGroup, aUser, CONFLUENCE_SITE, daysAgo, groupsById, JIRA_SITE, ref } from '../fixtures';
import { aContext, aTask, decisionOf, plan } from './taskSupport';

const inactive = (days: number, product = 'jira-software') => aUser({ productAccess: [access(product, daysAgo(days))] });

describe('task rules (T1)', () => {
  it('inactive ≥ N days overall: changes only users that inactive, and says why', () => {
    const old = inactive(45);
    const recent = inactive(10);
    const result = plan(aTask({ rule: { kind: 'inactive', minInactiveDays: 30, products: 'all' } }), [old, recent]);
    expect(decisionOf(result, old)).toBe('will-change');
    expect(decisionOf(result, recent)).toBe('not-inactive-enough');
    expect(result.items[0]).toMatchObject({ decision: 'will-change', match: { inactiveDays: 45, state: 'active', seatRank: null } });
    expect(result.items[0]).toMatchObject({ changes: [{ action: { type: 'deactivate' }, method: 'lifecycle-disable' }] });
  });

  it('inactive in chosen products reads only those products', () => {
    const jiraIdle = aUser({ productAccess: [access('jira-software', daysAgo(60)), access('confluence', daysAgo(1))] });
    const noJira = aUser({ productAccess: [access('confluence', daysAgo(300))] });
    const task = aTask({ rule: { kind: 'inactive', minInactiveDays: 30, products: ['jira-software'] } });
    const result = plan(task, [jiraIdle, noJira]);
    expect(decisionOf(result, jiraIdle)).toBe('will-change');
    expect(decisionOf(result, noJira)).toBe('not-inactive-enough');
    expect(plan(aTask(), [jiraIdle]).summary.skippedByReason).toEqual({ 'not-inactive-enough': 1 });
  });

  it('state warning takes warning and overdue users; state overdue only overdue ones', () => {
    const warning = inactive(100);
    const overdue = inactive(200);
    const active = inactive(5);
    const warn = plan(aTask({ rule: { kind: 'state', state: 'warning', products: 'all' } }), [warning, overdue, active]);
    expect([warning, overdue, active].map((u) => decisionOf(warn, u))).toEqual(['will-change', 'will-change', 'not-inactive-enough']);
    const due = plan(aTask({ rule: { kind: 'state', state: 'overdue', products: 'all' } }), [warning, overdue]);
    expect([warning, overdue].map((u) => decisionOf(due, u))).toEqual(['not-inactive-enough', 'will-change']);
  });

  it('never active and added more than N days ago; a newcomer is new, an active user does not match', () => {
    const rule = { kind: 'never-active' as const, addedMoreThanDays: 30, products: 'all' as const };
    const longAgo = aUser({ addedToOrgAt: daysAgo(120), productAccess: [access('jira-software', null)] });
    const newcomer = aUser({ addedToOrgAt: daysAgo(40), productAccess: [access('jira-software', null)] });
    const used = aUser({ addedToOrgAt: daysAgo(400), productAccess: [access('jira-software', daysAgo(300))] });
    const noDate = aUser({ addedToOrgAt: null, productAccess: [] });
    const unknown = aUser({ activityKnown: false, addedToOrgAt: daysAgo(400) });
    const result = plan(aTask({ rule }), [longAgo, newcomer, used, noDate, unknown]);
    expect([longAgo, newcomer, used, noDate, unknown].map((u) => decisionOf(result, u))).toEqual([
      'will-change',
      'new-user',
      'not-matching',
      'not-matching',
      'unknown-activity',
    ]);
    const shortWarning = plan(aTask({ rule }), [newcomer], [], aContext({ thresholds: { warningDays: 30, overdueDays: 60 } }));
    expect(decisionOf(shortWarning, newcomer)).toBe('will-change');
    expect(decisionOf(plan(aTask({ rule: { ...rule, addedMoreThanDays: 200 } }), [longAgo]), longAgo)).toBe('not-matching');
  });

  it('never skips on the inactivity of a user whose activity is unknown or who is new', () => {
    const unknown = aUser({ activityKnown: false, addedToOrgAt: daysAgo(1000) });
    const newcomer = aUser({ addedToOrgAt: daysAgo(5) });
    const result = plan(aTask({ rule: { kind: 'inactive', minInactiveDays: 3, products: 'all' } }), [unknown, newcomer]);
    expect(result.summary.skippedByReason).toEqual({ 'unknown-activity': 1, 'new-user': 1 });
  });

  it('include and exclude groups, account types and billable only narrow the rule', () => {
    const keep = aGroup();
    const contractors = aGroup();
    const inKeep = aUser({ groups: [ref(keep)], productAccess: [access('jira-software', daysAgo(90))] });
    const inBoth = aUser({ groups: [ref(keep), ref(contractors)], productAccess: [access('jira-software', daysAgo(90))] });
    const outside = inactive(90);
    const external = aUser({ managed: false, groups: [ref(keep)], productAccess: [access('jira-software', daysAgo(90))] });
    const free = aUser({ billable: false, groups: [ref(keep)], productAccess: [access('jira-software', daysAgo(90))] });
    const filter = { includeGroupIds: [keep.id], excludeGroupIds: [contractors.id], accountTypes: ['managed' as const], billableOnly: true };
    const result = plan(aTask({ filter }), [inKeep, inBoth, outside, external, free]);
    expect([inKeep, inBoth, outside, external, free].map((u) => decisionOf(result, u))).toEqual([
      'will-change',
      'excluded-group',
      'not-in-included-groups',
      'other-account-type',
      'not-billable',
    ]);
    const externalsOnly = plan(aTask({ filter: { ...filter, includeGroupIds: [], accountTypes: ['external'], billableOnly: false } }), [external, free]);
    expect([external, free].map((u) => decisionOf(externalsOnly, u))).toEqual(['will-change', 'other-account-type']);
  });
});

describe('task actions', () => {
  it('deactivate disables managed accounts and suspends external ones, as bulk does', () => {
    const managed = inactive(60);
    const external = aUser({ managed: false, productAccess: [access('jira-software', daysAgo(60))] });
    const result = plan(aTask(), [managed, external]);
    expect(result.summary.byMethod).toEqual({ 'lifecycle-disable': 1, 'directory-suspend': 1 });
  });

  it('skips what bulk skips: protected, identity-provider accounts, wrong state, not a person', () => {
    const vip = aUser({ email: 'ceo@example.com', productAccess: [access('jira-software', daysAgo(400))] });
    const scim = aUser({ managementSource: 'synced', productAccess: [access('jira-software', daysAgo(400))] });
    const gone = aUser({ accountStatus: 'inactive', productAccess: [access('jira-software', daysAgo(400))] });
    const bot = aUser({ accountType: 'app', productAccess: [access('jira-software', daysAgo(400))] });
    const context = aContext({ protectedEmails: ProtectedEmails.from(['ceo@example.com']) });
    const result = plan(aTask(), [vip, scim, gone, bot], [], context);
    expect(result.summary).toMatchObject({
      willChange: 0,
      skippedByReason: { protected: 1, 'idp-managed': 1, 'already-deactivated': 1, 'not-a-person': 1 },
    });
  });

  it('revokes each chosen product the user has; an IdP-synced group is named as the reason', () => {
    const synced = aGroup({ idpSynced: true, modifiable: false, grants: [{ productKey: 'confluence', resourceId: CONFLUENCE_SITE, role: 'user' }] });
    const products = [
      { productKey: 'jira-software', resourceId: JIRA_SITE },
      { productKey: 'confluence', resourceId: CONFLUENCE_SITE },
    ];
    const both = aUser({ productAccess: [access('jira-software', daysAgo(90)), access('confluence', daysAgo(90))] });
    const viaIdp = aUser({ groups: [ref(synced)], productAccess: [access('confluence', daysAgo(90))] });
    const neither = aUser({ addedToOrgAt: daysAgo(400) });
    const context = aContext({ groupsById: groupsById(synced) });
    const result = plan(aTask({ action: { type: 'revoke', products } }), [both, viaIdp, neither], [], context);
    expect(result.items[0]).toMatchObject({ decision: 'will-change', changes: [{ method: 'role-revoke' }, { method: 'role-revoke' }] });
    expect(result.items[1]).toMatchObject({ decision: 'skip', reason: 'idp-synced-group', groupIds: [synced.id] });
    expect(decisionOf(result, neither)).toBe('no-product-access');
    expect(result.summary.byMethod).toEqual({ 'role-revoke': 2 });
  });

  it('notify only notifies matching active users once, and clears the notice of one who no longer matches', () => {
    const idle = inactive(60);
    const told = inactive(60);
    const back = inactive(1);
    const suspended = aUser({ membershipStatus: 'suspended', productAccess: [access('jira-software', daysAgo(60))] });
    const notices = [told, back].map((u) => ({ taskId: 't', accountId: u.accountId, announcedAt: daysAgo(3), plannedChangeAt: null }));
    const result = plan(aTask({ action: { type: 'notify' } }), [idle, told, back, suspended], notices);
    expect([idle, told, back, suspended].map((u) => decisionOf(result, u))).toEqual([
      'will-change',
      'already-notified',
      'not-inactive-enough',
      'already-deactivated',
    ]);
    expect(result.summary.byMethod).toEqual({ notify: 1 });
    expect(result.notices).toEqual({ announce: [{ accountId: idle.accountId, plannedChangeAt: null }], clear: [back.accountId] });
  });

  it('propose plans the change it proposes; a user listed twice is planned once, as first listed', () => {
    const idle = inactive(60);
    const result = plan(aTask({ action: { type: 'propose', change: { type: 'deactivate' } } }), [idle, { ...idle, accountStatus: 'inactive' }]);
    expect(result.summary).toMatchObject({ total: 1, willChange: 1, byMethod: { 'lifecycle-disable': 1 } });
  });
});
