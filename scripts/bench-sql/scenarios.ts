import type { AuditLog, AuditQuery } from '../../src/domain/ports/auditLog';
import type { DashboardQueries } from '../../src/domain/ports/dashboardQueries';
import type { UserQuery, UserQueryContext, UserRepository } from '../../src/domain/ports/userRepository';
import type { InactivityState } from '../../src/domain/policy/inactivityPolicy';
import { ProtectedEmails } from '../../src/domain/policy/protectedEmails';
import { BENCH_NOW } from './seedBench';

/** One timed operation of the benchmark. */
export interface Scenario {
  name: string;
  run: () => Promise<unknown>;
}

const DAY_MS = 86_400_000;
const PAGE = 50;
const DEEP = 100;

export const benchContext: UserQueryContext = {
  now: BENCH_NOW,
  thresholds: { warningDays: 90, overdueDays: 180 },
  protectedEmails: ProtectedEmails.from(['@partner.example', 'ceo@acme.com', 'admin-*@acme.com']),
};

export const dashboardScenario = (dashboard: DashboardQueries): Scenario[] => [
  { name: 'D1 totals', run: () => dashboard.totals(benchContext) },
  { name: 'D2 per product', run: () => dashboard.productUsage(benchContext) },
  { name: 'D4 seats protected users hold (only with seat prices)', run: () => dashboard.protectedOverdueSeats(benchContext) },
  {
    name: 'dashboard load (D1 and D2 side by side)',
    run: () => Promise.all([dashboard.totals(benchContext), dashboard.productUsage(benchContext)]),
  },
];

/** The heaviest U4 combination: product + per-product inactivity + status + billable + managed + not protected. */
const heavy: UserQuery['filter'] = {
  productKey: 'jira-software',
  inactivity: ['warning', 'overdue', 'never-active'],
  accountStatus: ['active'],
  billable: true,
  managed: true,
  protected: false,
};

/** Jira users, in the given Jira states (none: all of them). */
const inJira = (inactivity: InactivityState[]): UserQuery['filter'] => ({ productKey: 'jira-software', inactivity });

/** The cursor of page `pages + 1` of a query, found by paging through it once. */
const cursorAt = async (users: UserRepository, query: Omit<UserQuery, 'after'>, pages: number): Promise<string | null> => {
  let after: string | null = null;
  for (let i = 0; i < pages; i++) {
    after = (await users.list({ ...query, after }, benchContext)).next;
    if (after === null) break;
  }
  return after;
};

export const userScenarios = async (users: UserRepository): Promise<Scenario[]> => {
  const byName = { key: 'name', direction: 'asc' } as const;
  const heavyQuery = { filter: heavy, sort: byName, limit: PAGE };
  const deepHeavy = await cursorAt(users, heavyQuery, DEEP);
  const groupQuery = { filter: { ...heavy, groupId: await firstGroupId(users) }, sort: { key: 'lastActiveAt', direction: 'desc' } as const, limit: PAGE };
  const surname = await surnameOf(users);
  const deepAcme = await cursorAt(users, { filter: { search: 'acme' }, sort: byName, limit: PAGE }, DEEP);
  const byActivity = { key: 'lastActiveAt', direction: 'desc' } as const;
  const deepJira = await cursorAt(users, { filter: inJira([]), sort: byActivity, limit: PAGE }, DEEP);
  const list = (q: Omit<UserQuery, 'after'>, after: string | null = null) => () => users.list({ ...q, after }, benchContext);
  return [
    { name: 'first page, no filter, by name', run: list({ filter: {}, sort: byName, limit: PAGE }) },
    { name: 'first page, heaviest filter, by name', run: list(heavyQuery) },
    { name: `page ${String(DEEP + 1)}, heaviest filter, by name`, run: list(heavyQuery, deepHeavy) },
    { name: 'first page, heaviest filter + group, by last activity', run: list(groupQuery) },
    { name: 'first page, overdue, by inactivity desc', run: list({ filter: { inactivity: ['overdue'] }, sort: { key: 'inactivity', direction: 'desc' }, limit: PAGE }) },
    { name: 'first page, new users, by last activity', run: list({ filter: { inactivity: ['new'] }, sort: { key: 'lastActiveAt', direction: 'asc' }, limit: PAGE }) },
    { name: 'first page, new in Jira (rare), by name', run: list({ filter: inJira(['new']), sort: byName, limit: PAGE }) },
    { name: 'first page, never-active in Confluence (~7,000), by name', run: list({ filter: { productKey: 'confluence', inactivity: ['never-active'] }, sort: byName, limit: PAGE }) },
    { name: 'first page, overdue in Jira (common), by name', run: list({ filter: inJira(['overdue']), sort: byName, limit: PAGE }) },
    { name: 'first page, active in Jira (most), by email', run: list({ filter: inJira(['active']), sort: { key: 'email', direction: 'asc' }, limit: PAGE }) },
    { name: 'first page, Jira, by Jira last activity', run: list({ filter: inJira([]), sort: byActivity, limit: PAGE }) },
    { name: `page ${String(DEEP + 1)}, Jira, by Jira last activity`, run: list({ filter: inJira([]), sort: byActivity, limit: PAGE }, deepJira) },
    { name: 'first page, overdue in Jira, by Jira last activity', run: list({ filter: inJira(['overdue']), sort: byActivity, limit: PAGE }) },
    { name: 'first page, search "acme" in Jira, by Jira inactivity', run: list({ filter: { ...inJira([]), search: 'acme' }, sort: { key: 'inactivity', direction: 'desc' }, limit: PAGE }) },
    { name: 'first page, search "mar", by email', run: list({ filter: { search: 'mar' }, sort: { key: 'email', direction: 'asc' }, limit: PAGE }) },
    { name: `first page, search a surname ("${surname}"), by name`, run: list({ filter: { search: surname }, sort: byName, limit: PAGE }) },
    { name: `first page, search "${surname}" + heaviest filter, by last activity`, run: list({ filter: { ...heavy, search: surname }, sort: { key: 'lastActiveAt', direction: 'desc' }, limit: PAGE }) },
    { name: 'first page, search an email word ("labs"), by name', run: list({ filter: { search: 'labs' }, sort: byName, limit: PAGE }) },
    { name: 'first page, search an email word ("acme"), by status', run: list({ filter: { search: 'acme' }, sort: { key: 'accountStatus', direction: 'asc' }, limit: PAGE }) },
    { name: `page ${String(DEEP + 1)}, search "acme", by name`, run: list({ filter: { search: 'acme' }, sort: byName, limit: PAGE }, deepAcme) },
    { name: 'first page, protected only, by status', run: list({ filter: { protected: true }, sort: { key: 'accountStatus', direction: 'asc' }, limit: PAGE }) },
    { name: 'count, heaviest filter (once per filter change)', run: () => users.countMatching(heavy, benchContext) },
    { name: `count, search "${surname}"`, run: () => users.countMatching({ search: surname }, benchContext) },
    { name: 'count, search "acme"', run: () => users.countMatching({ search: 'acme' }, benchContext) },
  ];
};

/** The surname of the user in the middle of the name order: a word start inside a name. */
const surnameOf = async (users: UserRepository): Promise<string> => {
  const page = await users.list({ filter: { search: 'm' }, sort: { key: 'name', direction: 'asc' }, limit: 1, after: null }, benchContext);
  return page.items[0]?.name.split(' ').at(-1)?.toLowerCase() ?? 'smith';
};

const firstGroupId = async (users: UserRepository): Promise<string> => {
  const [user] = (await users.list({ filter: {}, sort: { key: 'name', direction: 'asc' }, limit: 1, after: null }, benchContext)).items;
  return user?.groups[0]?.id ?? 'none';
};

/** A2: every filter, and the search by a word of a name or email (`surname` a rare one, "acme" an email word many share). */
export const auditScenarios = async (audit: AuditLog, users: UserRepository): Promise<Scenario[]> => {
  const surname = await surnameOf(users);
  const page = (q: Omit<AuditQuery, 'limit' | 'after'>, after: string | null = null) => () => audit.query({ ...q, limit: PAGE, after });
  let deep: string | null = null;
  for (let i = 0; i < 200; i++) deep = (await audit.query({ limit: PAGE, after: deep })).next;
  const month = { from: new Date(BENCH_NOW.getTime() - 30 * DAY_MS), to: BENCH_NOW };
  const quarter = { from: new Date(BENCH_NOW.getTime() - 90 * DAY_MS), to: BENCH_NOW };
  const target = (await audit.query({ limit: 1, after: null })).items[0]?.targetAccountId ?? 'x';
  return [
    { name: 'newest page, no filter', run: page({}) },
    { name: 'page 201, no filter', run: page({}, deep) },
    { name: 'last 30 days, one action', run: page({ ...month, actions: ['user.deactivate'] }) },
    { name: 'two actions by one admin', run: page({ actions: ['product.revoke', 'product.assign'], actorId: 'admin-7' }) },
    { name: 'one affected user', run: page({ targetAccountId: target }) },
    { name: 'failed in the last 90 days', run: page({ ...quarter, outcome: ['failed'] }) },
    { name: 'rare action (privacy.erase), all time', run: page({ actions: ['privacy.erase'] }) },
    { name: 'one job', run: page({ jobId: 'job-17' }) },
    { name: `search a surname ("${surname}")`, run: page({ search: surname }) },
    { name: 'search an email word many share ("acme")', run: page({ search: 'acme' }) },
    { name: 'search "mar", failed in the last 90 days', run: page({ ...quarter, outcome: ['failed'], search: 'mar' }) },
  ];
};
