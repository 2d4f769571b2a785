import { useForgeRuntime } from '../../support/forgeRuntime';
import type { Group } from '../../../src/domain/model/group';
import type { ProductTarget, TaskAction, TaskRule } from '../../../src/domain/model/task';
import type { ActivityRule } from '../../../src/domain/ports/taskCandidates';
import { seatCapUsers } from '../../../src/domain/usecases/tasks/seatCapUsers';
import { seatsUsed } from '../../../src/domain/usecases/tasks/seatCap';
import type { User } from '../../../src/domain/model/user';
import { classifyInScope, inactiveDays } from '../../../src/domain/policy/inactivityPolicy';
import { planTask, type PlannedTask } from '../../../src/domain/usecases/tasks/planTask';
import { scopeOf } from '../../../src/domain/usecases/tasks/ruleMatch';
import type { TaskPlanContext } from '../../../src/domain/usecases/tasks/taskPlanItem';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlExecutor } from '../../../src/adapters/forge-sql/sql/sqlExecutor';
import { SqlTaskCandidates } from '../../../src/adapters/forge-sql/tasks/sqlTaskCandidates';
import { SqlGroupRepository } from '../../../src/adapters/forge-sql/groups/sqlGroupRepository';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { context } from './support/context';
import { groups, NOW, products, seedUsers, SITE_A, SITE_B } from './support/seedDirectory';
import { SqlProductRepository } from '../../../src/adapters/forge-sql/products/sqlProductRepository';

useForgeRuntime();
const users = new SqlUserRepository();
const groupList: Group[] = groups(12);
const DAY_MS = 86_400_000;
/** Two users on the edge of 30 days without activity: exactly 30 days (picked), a millisecond short of it (not). */
const edges = (template: User): User[] =>
  [0, 1].map((ms) => ({
    ...template,
    accountId: `acc-edge-${String(ms)}`,
    email: `edge${String(ms)}@example.com`,
    activityKnown: true,
    productAccess: [{ productKey: 'jira-software', resourceId: SITE_A, lastActiveAt: new Date(NOW.getTime() - 30 * DAY_MS + ms) }],
  }));
const seeded = seedUsers(3000, groupList, 19);
const directory: User[] = [...seeded, ...edges(seeded[1] as User)];
/** Every 17th user is not seen by the second sync: they have left. */
const left = new Set(directory.filter((_, i) => i % 17 === 5).map((u) => u.accountId));
const ctx = context();
const planContext: TaskPlanContext = {
  protectedEmails: ctx.protectedEmails,
  groupsById: new Map(groupList.map((g) => [g.id, g])),
  thresholds: ctx.thresholds,
  now: NOW,
  site: { timeZone: 'UTC', syncHour: 3 },
};
/** Small pages and chunks, so that every range is read in several pages and users in several chunks. */
const candidates = new SqlTaskCandidates(new SqlExecutor(), { keys: 97, users: 211 });
let stored: User[] = [];

beforeAll(async () => {
  await ensureSchema();
  await new SqlProductRepository().upsertMany(products, 1);
  await new SqlGroupRepository().upsertMany(groupList, 1);
  await users.upsertMany(directory, 1);
  await users.upsertMany(directory.filter((u) => !left.has(u.accountId)), 2);
  await users.markLeftBefore(2);
  // A sync walk in progress has rewritten some users without a product and their groups: their old rows stay until its end.
  const rewritten = directory.filter((u) => !left.has(u.accountId) && u.productAccess.length > 1).slice(0, 60);
  await users.upsertMany(rewritten.map((u) => ({ ...u, groups: [], productAccess: u.productAccess.slice(1) })), 3, { staleRows: 'at-mark-left' });
  stored = (await users.getMany(directory.map((u) => u.accountId))).filter((u) => !left.has(u.accountId));
}, 180_000);

const deactivate: TaskAction = { type: 'deactivate' };
const revokeJira: TaskAction = { type: 'revoke', products: [{ productKey: 'jira-software', resourceId: SITE_A }] };
const taskOf = (rule: TaskRule, action: TaskAction): PlannedTask => ({
  rule,
  action,
  filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['managed', 'external'], billableOnly: false },
  schedule: { days: 'daily', hour: 5 },
  noticeDays: 0,
  safetyCap: 10_000,
});

/** What the port promises, from the domain's policies: the users in scope the rule could pick, or that a dry run names as skipped. */
const promised = (u: User, rule: ActivityRule): boolean => {
  const state = classifyInScope(u, scopeOf(rule), ctx.thresholds, NOW);
  if (state === null) return false;
  if (state === 'unknown' || state === 'new' || state === 'never-active') return true;
  if (rule.kind === 'never-active') return false;
  const min = rule.kind === 'inactive' ? rule.minInactiveDays : rule.state === 'warning' ? ctx.thresholds.warningDays : ctx.thresholds.overdueDays;
  return (inactiveDays(u, NOW, scopeOf(rule)) ?? -1) >= min;
};

const cases: [string, ActivityRule, TaskAction][] = [
  ['inactive overall', { kind: 'inactive', minInactiveDays: 30, products: 'all' }, deactivate],
  ['inactive in Jira (two sites)', { kind: 'inactive', minInactiveDays: 120, products: ['jira-software'] }, deactivate],
  ['inactive in Confluence or Statuspage', { kind: 'inactive', minInactiveDays: 3, products: ['confluence', 'statuspage'] }, revokeJira],
  ['warning overall', { kind: 'state', state: 'warning', products: 'all' }, deactivate],
  ['overdue in Jira', { kind: 'state', state: 'overdue', products: ['jira-software'] }, revokeJira],
  ['never active overall', { kind: 'never-active', addedMoreThanDays: 30, products: 'all' }, deactivate],
  ['never active in Jira', { kind: 'never-active', addedMoreThanDays: 10, products: ['jira-software'] }, deactivate],
];

describe('SqlTaskCandidates: the users a rule could pick, from the synced copy (T1, T8)', () => {
  it.each(cases)('%s: every promised user once, in account-ID order, none who left; the plan over them is the plan over everyone', async (_, rule, action) => {
    const found = await candidates.forRule(rule, { now: NOW, thresholds: ctx.thresholds });
    const ids = found.map((u) => u.accountId);
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ids.filter((id) => left.has(id))).toEqual([]);
    const expected = stored.filter((u) => promised(u, rule)).map((u) => u.accountId);
    expect(expected.length).toBeGreaterThan(20);
    if (rule.kind === 'inactive' && rule.minInactiveDays === 30) expect([ids.includes('acc-edge-0'), ids.includes('acc-edge-1')]).toEqual([true, false]);
    if (scopeOf(rule) === 'all') expect(ids).toEqual(expected);
    else expect(ids).toEqual(expect.arrayContaining(expected));
    const byId = new Map(stored.map((u) => [u.accountId, u]));
    expect(found).toEqual(ids.map((id) => byId.get(id)));

    const task = taskOf(rule, action);
    const overCandidates = planTask(task, found, [], planContext);
    const overEveryone = planTask(task, stored, [], planContext);
    const chosen = new Set(ids);
    expect(overCandidates.items).toEqual(overEveryone.items.filter((i) => chosen.has(i.accountId)));
    expect(overCandidates.summary.willChange).toBe(overEveryone.summary.willChange);
    expect(overCandidates.summary.willChange).toBeGreaterThan(0);
  }, 60_000);
});

const holds = (u: User, product: ProductTarget): boolean => u.productAccess.some((a) => a.productKey === product.productKey && a.resourceId === product.resourceId);
const jiraA: ProductTarget = { productKey: 'jira-software', resourceId: SITE_A };
const jiraB: ProductTarget = { productKey: 'jira-software', resourceId: SITE_B };

describe('SqlTaskCandidates: a seat cap from the index (T8)', () => {
  it('names every holder of the product site still in the org, billable or not, since their last activity there or since they were added', async () => {
    const holders = await candidates.seatHolders(jiraA);
    const byId = new Map(holders.map((h) => [h.accountId, h]));
    expect(byId.size).toBe(holders.length);
    const expected = stored.filter((u) => holds(u, jiraA));
    expect(expected.length).toBeGreaterThan(100);
    for (const u of expected) {
      const a = u.productAccess.find((x) => x.productKey === jiraA.productKey && x.resourceId === jiraA.resourceId);
      const since = u.activityKnown ? (a?.lastActiveAt ?? u.addedToOrgAt) : null;
      expect([u.accountId, byId.get(u.accountId)]).toEqual([u.accountId, { accountId: u.accountId, billable: u.billable, activityKnown: u.activityKnown, since }]);
    }
    // Besides them only the rows a sync walk in progress has not swept yet (users rewritten without the product).
    expect(holders.length - expected.length).toBeLessThanOrEqual(60);
    expect(holders.some((h) => left.has(h.accountId))).toBe(false);
  });

  it.each([
    ['a few over the cap: the longest-inactive few, reading a fraction of the holders', jiraA, 25, revokeJira],
    ['far over the cap: as many as the excess', jiraA, 400, revokeJira],
    ['a cap of 0 seats on another site: every eligible holder', jiraB, null, deactivate],
  ] as const)('%s; the same users as the plan over everyone', async (_, product, over, action) => {
    const seats = seatsUsed(stored, product);
    const maxSeats = over === null ? 0 : seats - over;
    const task = taskOf({ kind: 'seat-cap', product, maxSeats }, action);
    const read = await seatCapUsers(task, product, maxSeats, candidates, planContext);
    expect(read.seats).toBeGreaterThanOrEqual(seats);
    expect(read.seats - seats).toBeLessThanOrEqual(60);
    const plan = planTask(task, read.users, [], planContext, read.seats);
    const overEveryone = planTask(task, stored, [], planContext, read.seats);
    const changing = (items: typeof plan.items) => items.flatMap((i) => (i.decision === 'will-change' ? [[i.accountId, i.match.seatRank]] : []));
    expect(changing(plan.items)).toHaveLength(overEveryone.summary.willChange);
    if (over === 25) expect(plan.summary.willChange).toBe(read.seats - maxSeats);
    expect(changing(plan.items).sort()).toEqual(changing(overEveryone.items).sort());
    expect(read.unread).toBe(read.seats + (await candidates.seatHolders(product)).filter((h) => !h.billable).length - read.users.length);
    if (over === 25) expect(read.unread).toBeGreaterThan(100);
  }, 60_000);
});
