import {
  bulkActionSchema,
  planAction,
  recheckItem,
  type BulkAction,
  type PlanContext,
} from '../../../src/domain/policy/actionEligibility';
import { ProtectedEmails } from '../../../src/domain/policy/protectedEmails';
import { access, aGroup, aUser, daysAgo, groupsById, JIRA_SITE, NOW, ref } from './fixtures';

const deactivate: BulkAction = { type: 'deactivate' };
const reactivate: BulkAction = { type: 'reactivate' };
const revokeJira: BulkAction = { type: 'revoke-product', productKey: 'jira-software', resourceId: JIRA_SITE };
const assignJira: BulkAction = { type: 'assign-product', productKey: 'jira-software', resourceId: JIRA_SITE };

const context = (overrides: Partial<PlanContext> = {}): PlanContext => ({
  protectedEmails: ProtectedEmails.from(['boss@example.com', '@vip.example']),
  groupsById: new Map(),
  thresholds: { warningDays: 90, overdueDays: 180 },
  now: NOW,
  ...overrides,
});
const decide = (action: BulkAction, overrides: Parameters<typeof aUser>[0], ctx = context()) =>
  recheckItem(action, aUser(overrides), ctx);

describe('who is never changed (B2)', () => {
  it.each([deactivate, reactivate, revokeJira, assignJira])('a protected user is skipped for $type', (action) => {
    const item = decide(action, { email: ' BOSS@example.com', accountStatus: 'inactive', accountType: 'app' });
    expect(item).toEqual(expect.objectContaining({ decision: 'skip', reason: 'protected' }));
  });

  it('protection covers whole domains', () => {
    expect(decide(deactivate, { email: 'anyone@vip.example' })).toMatchObject({ reason: 'protected' });
  });

  it.each(['app', 'customer'] as const)('an %s account is not a person the app acts on', (accountType) => {
    expect(decide(deactivate, { accountType })).toMatchObject({ decision: 'skip', reason: 'not-a-person' });
  });

  it('a closed account and a user who left the org are skipped', () => {
    expect(decide(reactivate, { accountStatus: 'closed' })).toMatchObject({ reason: 'account-closed' });
    expect(decide(deactivate, { membershipStatus: 'no_membership' })).toMatchObject({ reason: 'left-org' });
  });
});

describe('deactivate', () => {
  it('disables a managed account through the lifecycle API', () => {
    expect(decide(deactivate, { managed: true })).toMatchObject({ decision: 'will-change', method: 'lifecycle-disable' });
  });

  it('can only suspend an account the org does not manage, and the plan says so', () => {
    expect(decide(deactivate, { managed: false })).toMatchObject({ decision: 'will-change', method: 'directory-suspend' });
  });

  it('skips accounts already deactivated or suspended', () => {
    expect(decide(deactivate, { accountStatus: 'inactive' })).toMatchObject({ reason: 'already-deactivated' });
    expect(decide(deactivate, { managed: false, membershipStatus: 'suspended' })).toMatchObject({
      reason: 'already-deactivated',
    });
  });
});

describe('reactivate', () => {
  it('enables a deactivated managed account', () => {
    expect(decide(reactivate, { accountStatus: 'inactive' })).toMatchObject({ method: 'lifecycle-enable' });
  });

  it('restores a suspended membership', () => {
    expect(decide(reactivate, { managed: false, membershipStatus: 'suspended' })).toMatchObject({
      method: 'directory-restore',
    });
    expect(decide(reactivate, { managed: true, membershipStatus: 'suspended' })).toMatchObject({
      method: 'directory-restore',
    });
  });

  it('skips an active user, and an unmanaged account deactivated by its own org', () => {
    expect(decide(reactivate, {})).toMatchObject({ reason: 'already-active' });
    expect(decide(reactivate, { managed: false, accountStatus: 'inactive' })).toMatchObject({ reason: 'not-managed' });
  });
});

describe('accounts provisioned by an identity provider (managementSource: synced)', () => {
  const scim = { managed: true, managementSource: 'synced' as const };

  it('are not deactivated or reactivated: the directory refuses their lifecycle (externalDirectory.scim)', () => {
    expect(decide(deactivate, scim)).toEqual(expect.objectContaining({ decision: 'skip', reason: 'idp-managed', groupIds: [] }));
    expect(decide(reactivate, { ...scim, accountStatus: 'inactive' })).toMatchObject({ decision: 'skip', reason: 'idp-managed' });
  });

  it('keep the reasons that say more: already deactivated, protected', () => {
    expect(decide(deactivate, { ...scim, accountStatus: 'inactive' })).toMatchObject({ reason: 'already-deactivated' });
    expect(decide(deactivate, { ...scim, email: 'boss@example.com' })).toMatchObject({ reason: 'protected' });
  });

  it('can still have a suspended membership restored and product access revoked or assigned', () => {
    expect(decide(reactivate, { ...scim, membershipStatus: 'suspended' })).toMatchObject({ method: 'directory-restore' });
    expect(decide(revokeJira, { ...scim, productAccess: [access('jira-software', null)] })).toMatchObject({ method: 'role-revoke' });
    expect(decide(assignJira, scim)).toMatchObject({ method: 'role-assign' });
  });

  it('are counted under their own reason in the plan', () => {
    const plan = planAction(deactivate, [aUser(scim), aUser()], context());
    expect(plan.summary).toMatchObject({ willChange: 1, skipped: 1, skippedByReason: { 'idp-managed': 1 } });
  });
});

describe('revoke product access', () => {
  const withJira = { productAccess: [access('jira-software', daysAgo(200))] };
  const jiraGrant = { productKey: 'jira-software', resourceId: JIRA_SITE, role: 'product:jira-software:user' };

  it('revokes the product role when no known group grants the access', () => {
    const other = aGroup({ grants: [{ ...jiraGrant, resourceId: 'another-site' }] });
    const user = { ...withJira, groups: [ref(other), { id: 'not-synced-yet', name: 'x' }] };
    const item = decide(revokeJira, user, context({ groupsById: groupsById(other) }));
    expect(item).toMatchObject({ decision: 'will-change', method: 'role-revoke', groupIds: [] });
  });

  it('removes the user from every modifiable group that grants it, listing them', () => {
    const a = aGroup({ grants: [jiraGrant] });
    const b = aGroup({ grants: [jiraGrant] });
    const unrelated = aGroup();
    const user = { ...withJira, groups: [a, unrelated, b].map(ref) };
    const item = decide(revokeJira, user, context({ groupsById: groupsById(a, b, unrelated) }));
    expect(item).toMatchObject({ decision: 'will-change', method: 'group-remove', groupIds: [a.id, b.id] });
  });

  it('refuses when a granting group is IdP-synced, naming the synced groups only', () => {
    const synced = aGroup({ grants: [jiraGrant], idpSynced: true, modifiable: false });
    const local = aGroup({ grants: [jiraGrant] });
    const item = decide(revokeJira, { ...withJira, groups: [ref(local), ref(synced)] }, context({ groupsById: groupsById(synced, local) }));
    expect(item).toEqual(expect.objectContaining({ decision: 'skip', reason: 'idp-synced-group', groupIds: [synced.id] }));
  });

  it('skips a user without that product on that site', () => {
    expect(decide(revokeJira, { productAccess: [access('jira-software', null, 'other')] })).toMatchObject({
      reason: 'no-product-access',
    });
  });
});

describe('assign product access', () => {
  it('assigns the product role, unless the user already has it', () => {
    expect(decide(assignJira, {})).toMatchObject({ decision: 'will-change', method: 'role-assign' });
    expect(decide(assignJira, { productAccess: [access('jira-software', null)] })).toMatchObject({
      reason: 'already-has-access',
    });
  });
});

describe('inactivity requirement (automated tasks, T1)', () => {
  const inJira = (minInactiveDays: number | 'warning' | 'overdue') =>
    context({ requireInactivity: { minInactiveDays, productKeys: ['jira-software'] } });
  const idle = { productAccess: [access('jira-software', daysAgo(120)), access('confluence', daysAgo(1))] };

  it('changes only users known to be inactive long enough in the chosen products', () => {
    expect(decide(deactivate, idle, inJira(100))).toMatchObject({ decision: 'will-change' });
    expect(decide(deactivate, idle, inJira(121))).toMatchObject({ reason: 'not-inactive-enough' });
    const anyProduct = context({ requireInactivity: { minInactiveDays: 30, productKeys: 'all' } });
    expect(decide(deactivate, idle, anyProduct)).toMatchObject({ reason: 'not-inactive-enough' });
  });

  it('resolves warning / overdue to the current thresholds', () => {
    expect(decide(deactivate, idle, inJira('warning'))).toMatchObject({ decision: 'will-change' });
    expect(decide(deactivate, idle, inJira('overdue'))).toMatchObject({ reason: 'not-inactive-enough' });
  });

  it('never acts on a user whose activity is unknown', () => {
    const unknown = { ...idle, activityKnown: false };
    expect(decide(deactivate, unknown, inJira(0))).toMatchObject({ reason: 'unknown-activity' });
  });

  it('a user without the chosen products is not inactive in them', () => {
    expect(decide(deactivate, { productAccess: [] }, inJira(0))).toMatchObject({ reason: 'not-inactive-enough' });
  });

  it('skips a new user (added less than the warning threshold ago, no activity yet) as new, whatever N is (I1, B2)', () => {
    const newcomer = { addedToOrgAt: daysAgo(40), productAccess: [access('jira-software', null)] };
    expect(decide(deactivate, newcomer, inJira(30))).toMatchObject({ decision: 'skip', reason: 'new-user' });
    const overall = context({ requireInactivity: { minInactiveDays: 0, productKeys: 'all' } });
    expect(decide(deactivate, { ...newcomer, productAccess: [] }, overall)).toMatchObject({ reason: 'new-user' });
    expect(planAction(deactivate, [aUser(newcomer)], inJira(30)).summary.skippedByReason).toEqual({ 'new-user': 1 });
  });

  it('acts on the same user once the warning threshold has passed since they were added (never-active)', () => {
    const longAgo = { addedToOrgAt: daysAgo(90), productAccess: [access('jira-software', null)] };
    expect(decide(deactivate, longAgo, inJira(30))).toMatchObject({ decision: 'will-change' });
  });

  it('a manual action without an inactivity requirement acts on a new user the admin chose', () => {
    const newcomer = { addedToOrgAt: daysAgo(1), productAccess: [access('jira-software', null)] };
    expect(decide(deactivate, newcomer)).toMatchObject({ decision: 'will-change' });
  });
});

describe('the plan (B2)', () => {
  it('has one item per distinct user and counts changes and skips by reason', () => {
    const active = aUser();
    const others = [aUser({ accountStatus: 'inactive' }), aUser({ email: 'boss@example.com' }), aUser({ managed: false })];
    const plan = planAction(deactivate, [active, active, ...others], context());
    expect(plan.items.map((i) => i.accountId)).toEqual([active, ...others].map((u) => u.accountId));
    expect(plan.summary).toEqual({
      total: 4,
      willChange: 2,
      skipped: 2,
      byMethod: { 'lifecycle-disable': 1, 'directory-suspend': 1 },
      skippedByReason: { 'already-deactivated': 1, protected: 1 },
    });
  });

  it('recheck sees what changed since the plan', () => {
    const user = aUser();
    expect(planAction(deactivate, [user], context()).summary.willChange).toBe(1);
    expect(recheckItem(deactivate, { ...user, accountStatus: 'inactive' }, context())).toMatchObject({
      reason: 'already-deactivated',
    });
  });

  it('validates actions at the edge', () => {
    expect(bulkActionSchema.safeParse(revokeJira).success).toBe(true);
    expect(bulkActionSchema.safeParse({ type: 'revoke-product', productKey: 'jira-software' }).success).toBe(false);
    expect(bulkActionSchema.safeParse({ type: 'delete' }).success).toBe(false);
  });
});
