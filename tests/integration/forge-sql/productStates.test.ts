import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql } from '@forge/sql';
import type { User } from '../../../src/domain/model/user';
import type { UserFilter, UserQuery } from '../../../src/domain/ports/userRepository';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { DENSE_ROWS } from '../../../src/adapters/forge-sql/users/pageSource';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { allPages } from './support/allPages';
import { context } from './support/context';
import { groups, NOW, seedUsers, SITE_A, SITE_B } from './support/seedDirectory';
import { expectedOrder } from './support/userOracle';

useForgeRuntime();
const repo = new SqlUserRepository();
const ctx = context();
const DAY_MS = 86_400_000;
const daysAgo = (days: number, i: number): Date => new Date(NOW.getTime() - days * DAY_MS - (i % 997) * 60_000);

/**
 * 9,000 users in 6 groups, with Jira on site A, most of them overdue there (more access rows than a page reads whole); a third
 * also on site B, more recently; a few new, never-active or unknown.
 */
const directory: User[] = seedUsers(9000, groups(6), 31).map((u, i) => {
  const a = i % 40 === 0 ? null : daysAgo(i % 10 === 0 ? 30 + (i % 50) : 200 + (i % 300), i);
  const added = i % 40 === 0 ? (i % 80 === 0 ? daysAgo(10, i) : daysAgo(400, i)) : u.addedToOrgAt;
  return {
    ...u,
    addedToOrgAt: added,
    activityKnown: i % 333 !== 0,
    productAccess: [
      { productKey: 'jira-software', resourceId: SITE_A, lastActiveAt: a },
      ...(i % 3 === 0 ? [{ productKey: 'jira-software', resourceId: SITE_B, lastActiveAt: i % 6 === 0 ? daysAgo(5 + (i % 40), i) : a }] : []),
      ...(i % 5 === 0 ? [{ productKey: 'confluence', resourceId: SITE_A, lastActiveAt: daysAgo(1, i) }] : []),
    ],
  };
});

beforeAll(async () => {
  await ensureSchema();
  await repo.upsertMany(directory, 1);
}, 180_000);

describe('per-product states: read from the access rows when few, walked when many', () => {
  it('has a state of many access rows and states of few, and groups of many members', async () => {
    const rows = async (low: number, high: number): Promise<number> =>
      (await sql.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM user_product_access WHERE inactivity_key BETWEEN ? AND ?').bindParams(low, high).execute())
        .rows[0]?.n ?? 0;
    expect(await rows(-(NOW.getTime() - 180 * DAY_MS), -1)).toBeGreaterThanOrEqual(DENSE_ROWS);
    expect(expectedOrder(directory, { filter: { productKey: 'jira-software', inactivity: ['new'] }, sort: { key: 'name', direction: 'asc' } }, ctx).length).toBeGreaterThan(0);
    expect(directory.filter((u) => u.groups.some((g) => g.id === 'grp-0001')).length).toBeGreaterThanOrEqual(DENSE_ROWS);
  });

  const filters: UserFilter[] = [
    { productKey: 'jira-software', inactivity: ['overdue'] },
    { productKey: 'jira-software', inactivity: ['new'] },
    { productKey: 'jira-software', inactivity: ['active', 'unknown'] },
    { productKey: 'jira-software', inactivity: ['never-active'], billable: true },
    { productKey: 'jira-software', inactivity: ['overdue'], search: 'a' },
    { productKey: 'confluence', inactivity: ['active'] },
    { groupId: 'grp-0001' },
    { productKey: 'jira-software', inactivity: ['new', 'overdue'], groupId: 'grp-0002' },
  ];
  const sorts: UserQuery['sort'][] = [
    { key: 'name', direction: 'asc' },
    { key: 'email', direction: 'desc' },
    { key: 'accountStatus', direction: 'asc' },
    { key: 'lastActiveAt', direction: 'desc' },
    { key: 'lastActiveAt', direction: 'asc' },
    { key: 'inactivity', direction: 'desc' },
  ];
  it.each(filters)('%o: pages and count as the oracle says, in every sort', async (filter) => {
    for (const sort of sorts) {
      const query = { filter, sort, limit: 499 };
      const expected = expectedOrder(directory, query, ctx);
      expect(await allPages(repo, query, ctx)).toEqual(expected);
    }
    expect(await repo.countMatching(filter, ctx)).toBe(expectedOrder(directory, { filter, sort: sorts[0]! }, ctx).length);
  }, 180_000);
});
