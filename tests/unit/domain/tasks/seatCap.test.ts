import type { TaskDefinition } from '../../../../src/domain/model/task';
import { ProtectedEmails } from '../../../../src/domain/policy/protectedEmails';
import { planTask } from '../../../../src/domain/usecases/tasks/planTask';
import { seatCapSelection, seatsUsed } from '../../../../src/domain/usecases/tasks/seatCap';
import { seatCapUsers } from '../../../../src/domain/usecases/tasks/seatCapUsers';
import { AllUsersCandidates } from './run/taskFakes';
import { access, aUser, daysAgo, JIRA_SITE } from '../fixtures';
import { aContext, aTask, decisionOf, plan } from './taskSupport';

const jira = { productKey: 'jira-software', resourceId: JIRA_SITE };
const seatCapTask = (maxSeats: number): TaskDefinition =>
  aTask({ rule: { kind: 'seat-cap', product: jira, maxSeats }, action: { type: 'revoke', products: [jira] } });
const holder = (days: number, overrides = {}) => aUser({ productAccess: [access('jira-software', daysAgo(days))], ...overrides });

describe('seat cap (T8)', () => {
  it('counts billable users with access still in the org', () => {
    const users = [holder(1), holder(1, { billable: false }), holder(1, { membershipStatus: 'no_membership' }), aUser()];
    expect(seatsUsed(users, jira)).toBe(1);
  });

  it('revokes the longest-inactive users first, just enough to reach the cap', () => {
    const users = [holder(10), holder(400), holder(50), holder(200), holder(5)];
    const result = plan(seatCapTask(3), users);
    expect(users.map((u) => decisionOf(result, u))).toEqual(['within-seat-cap', 'will-change', 'within-seat-cap', 'will-change', 'within-seat-cap']);
    const ranks = result.items.flatMap((i) => (i.decision === 'will-change' ? [[i.accountId, i.match.seatRank]] : []));
    expect(ranks).toEqual([
      [users[1]?.accountId, 1],
      [users[3]?.accountId, 2],
    ]);
  });

  it('changes nobody at or under the cap', () => {
    expect(plan(seatCapTask(2), [holder(300), holder(300)]).summary.willChange).toBe(0);
  });

  it('counts protected users as seats but never removes them: the next-longest-inactive go instead', () => {
    const vip = holder(900, { email: 'vip@example.com' });
    const others = [holder(100), holder(20), holder(10)];
    const context = aContext({ protectedEmails: ProtectedEmails.from(['vip@example.com']) });
    const result = plan(seatCapTask(2), [vip, ...others], [], context);
    expect([vip, ...others].map((u) => decisionOf(result, u))).toEqual(['protected', 'will-change', 'will-change', 'within-seat-cap']);
  });

  it('never removes a new user, a user of unknown activity or a non-billable one', () => {
    const newcomer = aUser({ addedToOrgAt: daysAgo(2), productAccess: [access('jira-software', null)] });
    const unknown = holder(500, { activityKnown: false });
    const free = holder(500, { billable: false });
    const result = plan(seatCapTask(0), [newcomer, unknown, free]);
    expect([newcomer, unknown, free].map((u) => decisionOf(result, u))).toEqual(['new-user', 'unknown-activity', 'not-billable']);
  });

  it('notify only tells holders of the product: nobody without it, nor a newcomer', () => {
    const newcomer = aUser({ addedToOrgAt: daysAgo(1) });
    const idle = holder(300);
    const task = aTask({ rule: { kind: 'seat-cap', product: jira, maxSeats: 0 }, action: { type: 'notify' } });
    const result = plan(task, [newcomer, idle]);
    expect([newcomer, idle].map((u) => decisionOf(result, u))).toEqual(['no-product-access', 'will-change']);
  });

  it('orders ties by account ID and unknown days last', () => {
    const chosen = seatCapSelection(
      [
        { accountId: 'b', inactiveDays: 10 },
        { accountId: 'c', inactiveDays: null },
        { accountId: 'a', inactiveDays: 10 },
      ],
      5,
      2,
    );
    expect([...chosen]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(seatCapSelection([{ accountId: 'a', inactiveDays: 1 }], 1, 4).size).toBe(0);
  });
});

describe('seat cap read from the index (T8: seatCapUsers)', () => {
  const OTHER_SITE = 'ari:cloud:jira::site/00000000-0000-0000-0000-000000000002';
  const onSites = (id: string, daysHere: number, daysElsewhere: number | null) =>
    aUser({
      accountId: id,
      productAccess: [
        access('jira-software', daysAgo(daysHere)),
        ...(daysElsewhere === null ? [] : [{ ...access('jira-software', daysAgo(daysElsewhere)), resourceId: OTHER_SITE }]),
      ],
    });

  it('reads on past users the index ranks first but who were active on another site, until nobody unread can outrank the chosen', async () => {
    // 501 holders idle here for 1,000+ days but active on the product's other site yesterday; the one really idle for 900 days after them.
    const decoys = Array.from({ length: 501 }, (_, i) => onSites(`decoy-${String(1000 + i)}`, 1000 + i, 1));
    const users = [...decoys, onSites('idle-900', 900, null), ...Array.from({ length: 100 }, (_, i) => onSites(`recent-${String(i)}`, 10, null))];
    const candidates = new AllUsersCandidates(() => users);
    const task = seatCapTask(users.length - 1);
    const read = await seatCapUsers(task, jira, users.length - 1, candidates, aContext());
    const result = planTask(task, read.users, [], aContext(), read.seats);
    expect(result.items.flatMap((i) => (i.decision === 'will-change' ? [i.accountId] : []))).toEqual(['idle-900']);
    expect(read.seats).toBe(users.length);
  });

  it('reads no one at or under the cap, and only the first round when the longest-inactive are plainly the ones', async () => {
    const users = Array.from({ length: 800 }, (_, i) => holder(i + 1, { accountId: `u-${String(i).padStart(3, '0')}` }));
    const candidates = new AllUsersCandidates(() => users);
    expect(await seatCapUsers(seatCapTask(800), jira, 800, candidates, aContext())).toEqual({ users: [], seats: 800, unread: 800 });
    const read = await seatCapUsers(seatCapTask(790), jira, 790, candidates, aContext());
    expect(candidates.read).toHaveLength(1);
    expect(read.users).toHaveLength(500);
    expect(read.unread).toBe(300);
    const result = planTask(seatCapTask(790), read.users, [], aContext(), read.seats);
    expect(result.items.flatMap((i) => (i.decision === 'will-change' ? [i.accountId] : []))).toEqual(users.slice(790).map((u) => u.accountId).reverse().sort());
  });
});
