import {
  classifyAccess,
  classifyProduct,
  classifyUser,
  elapsedDays,
  inactiveDays,
  inactivityStates,
  isInactive,
  isInactiveForAtLeast,
  stateForDays,
} from '../../../src/domain/policy/inactivityPolicy';
import { access, aUser, daysAgo, NOW } from './fixtures';

const thresholds = { warningDays: 90, overdueDays: 180 };

describe('inactivity thresholds (S2, ARCHITECTURE §3)', () => {
  it('lists the six states', () => {
    expect(inactivityStates).toEqual(['active', 'warning', 'overdue', 'never-active', 'new', 'unknown']);
  });

  it.each([
    [0, 'active'],
    [89, 'active'],
    [90, 'warning'],
    [179, 'warning'],
    [180, 'overdue'],
    [5000, 'overdue'],
  ])('a user last active %i days ago is %s', (days, state) => {
    const user = aUser({ productAccess: [access('jira-software', daysAgo(days))] });
    expect(classifyUser(user, thresholds, NOW)).toBe(state);
  });

  it('counts whole 24-hour days: 89 days and 23 hours is still 89 days', () => {
    const since = new Date(daysAgo(90).getTime() + 60 * 60 * 1000);
    expect(elapsedDays(since, NOW)).toBe(89);
    expect(elapsedDays(daysAgo(90), NOW)).toBe(90);
  });

  it('treats activity in the future (clock skew) as today', () => {
    expect(elapsedDays(daysAgo(-3), NOW)).toBe(0);
  });

  it('stays monotone even if thresholds were ever inverted', () => {
    expect(stateForDays(10, { warningDays: 30, overdueDays: 7 })).toBe('overdue');
  });
});

describe('overall and per-product classification', () => {
  const user = aUser({
    productAccess: [access('jira-software', daysAgo(200)), access('confluence', daysAgo(10)), access('jira-servicedesk', null)],
  });

  it('overall uses the most recent activity across products', () => {
    expect(classifyUser(user, thresholds, NOW)).toBe('active');
  });

  it('classifies each product on its own', () => {
    expect(classifyProduct(user, 'jira-software', thresholds, NOW)).toBe('overdue');
    expect(classifyProduct(user, 'confluence', thresholds, NOW)).toBe('active');
    expect(classifyProduct(user, 'jira-servicedesk', thresholds, NOW)).toBe('never-active');
    expect(classifyProduct(user, 'bitbucket', thresholds, NOW)).toBeNull();
  });

  it('classifies a single access entry', () => {
    const entry = user.productAccess[0]!;
    expect(classifyAccess(user, entry, thresholds, NOW)).toBe('overdue');
  });

  it('takes the most recent activity over several sites of one product', () => {
    const twoSites = aUser({
      productAccess: [access('jira-software', daysAgo(300), 'site-a'), access('jira-software', daysAgo(100), 'site-b')],
    });
    expect(classifyProduct(twoSites, 'jira-software', thresholds, NOW)).toBe('warning');
  });

  it('a user with known activity but none recorded is never-active', () => {
    expect(classifyUser(aUser({ productAccess: [access('confluence', null)] }), thresholds, NOW)).toBe('never-active');
    expect(classifyUser(aUser({ productAccess: [] }), thresholds, NOW)).toBe('never-active');
  });

  it('a user without activity added less than the warning threshold ago is new, not never-active (I1)', () => {
    const added = (days: number) => aUser({ addedToOrgAt: daysAgo(days), productAccess: [access('jira-software', null)] });
    expect(classifyUser(added(1), thresholds, NOW)).toBe('new');
    expect(classifyUser(added(89), thresholds, NOW)).toBe('new');
    expect(classifyUser(added(90), thresholds, NOW)).toBe('never-active');
    expect(classifyUser(added(-2), thresholds, NOW)).toBe('new');
    expect(classifyProduct(added(1), 'jira-software', thresholds, NOW)).toBe('new');
    expect(classifyAccess(added(1), added(1).productAccess[0]!, thresholds, NOW)).toBe('new');
    expect(classifyUser(added(30), { warningDays: 14, overdueDays: 30 }, NOW)).toBe('never-active');
  });

  it('a new user with activity in one product is new only in the products without activity', () => {
    const user = aUser({ addedToOrgAt: daysAgo(5), productAccess: [access('jira-software', daysAgo(2)), access('confluence', null)] });
    expect(classifyUser(user, thresholds, NOW)).toBe('active');
    expect(classifyProduct(user, 'confluence', thresholds, NOW)).toBe('new');
  });

  it('a user without activity and without an added date is never-active (nothing says they are new)', () => {
    expect(classifyUser(aUser({ addedToOrgAt: null, productAccess: [] }), thresholds, NOW)).toBe('never-active');
  });

  it('a user whose activity is not known is unknown, whatever the data says', () => {
    const unknown = aUser({ activityKnown: false, productAccess: [access('jira-software', daysAgo(400))] });
    expect(classifyUser(unknown, thresholds, NOW)).toBe('unknown');
    expect(classifyProduct(unknown, 'jira-software', thresholds, NOW)).toBe('unknown');
  });
});

describe('isInactive', () => {
  it.each([
    ['active', false],
    ['warning', true],
    ['overdue', true],
    ['never-active', true],
    ['new', false],
    ['unknown', false],
  ] as const)('%s → %s', (state, expected) => {
    expect(isInactive(state)).toBe(expected);
  });
});

describe('inactive days ("inactive ≥ N days" rules, T1)', () => {
  it('counts from the most recent activity in the chosen products, ignoring other products', () => {
    const user = aUser({ productAccess: [access('jira-software', daysAgo(120)), access('confluence', daysAgo(5))] });
    expect(inactiveDays(user, NOW)).toBe(5);
    expect(inactiveDays(user, NOW, ['jira-software'])).toBe(120);
    expect(isInactiveForAtLeast(user, 100, NOW, ['jira-software'])).toBe(true);
    expect(isInactiveForAtLeast(user, 100, NOW, 'all')).toBe(false);
    expect(isInactiveForAtLeast(user, 100, NOW)).toBe(false);
  });

  it('measures never-active from the day the user was added to the org', () => {
    const user = aUser({ addedToOrgAt: daysAgo(40), productAccess: [access('jira-software', null)] });
    expect(inactiveDays(user, NOW)).toBe(40);
    expect(inactiveDays(user, NOW, ['jira-software'])).toBe(40);
    expect(isInactiveForAtLeast(user, 30, NOW)).toBe(true);
    expect(isInactiveForAtLeast(user, 41, NOW)).toBe(false);
  });

  it('is null for never-active without an added date, and null never counts as inactive', () => {
    const user = aUser({ addedToOrgAt: null, productAccess: [access('jira-software', null)] });
    expect(inactiveDays(user, NOW)).toBeNull();
    expect(isInactiveForAtLeast(user, 0, NOW)).toBe(false);
  });

  it('is null when activity is unknown', () => {
    const user = aUser({ activityKnown: false, productAccess: [access('jira-software', daysAgo(999))] });
    expect(inactiveDays(user, NOW)).toBeNull();
    expect(isInactiveForAtLeast(user, 1, NOW)).toBe(false);
  });

  it('is null when the user has none of the chosen products', () => {
    const user = aUser({ productAccess: [access('confluence', daysAgo(300))] });
    expect(inactiveDays(user, NOW, ['jira-software'])).toBeNull();
    expect(isInactiveForAtLeast(user, 1, NOW, ['jira-software'])).toBe(false);
  });
});
