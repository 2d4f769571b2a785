import { useForgeRuntime } from '../../support/forgeRuntime';
import type { User } from '../../../src/domain/model/user';
import {
  classifyAccess,
  classifyUser,
  inactivityStates,
  type InactivityState,
  type InactivityThresholds,
} from '../../../src/domain/policy/inactivityPolicy';
import type { StateCounts } from '../../../src/domain/ports/dashboardQueries';
import { SqlDashboardQueries } from '../../../src/adapters/forge-sql/dashboard/sqlDashboardQueries';
import { SqlProductRepository } from '../../../src/adapters/forge-sql/products/sqlProductRepository';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { ProtectedEmails } from '../../../src/domain/policy/protectedEmails';
import { context } from './support/context';
import { groups, NOW, products, seedUsers } from './support/seedDirectory';

useForgeRuntime();
const users = new SqlUserRepository();
const dashboard = new SqlDashboardQueries();
const productRepo = new SqlProductRepository();
const directory = seedUsers(2000, groups(20), 3);
const present = directory.slice(0, 1900);
const whitelist = context().protectedEmails;

const zero = (): StateCounts => Object.fromEntries(inactivityStates.map((s) => [s, 0])) as StateCounts;
const bump = (counts: StateCounts, state: InactivityState): void => {
  counts[state] += 1;
};

/** D1 computed in memory with classifyUser. */
const expectedTotals = (list: readonly User[], thresholds: InactivityThresholds) => {
  const byState = zero();
  const billableByState = zero();
  for (const u of list) {
    const state = classifyUser(u, thresholds, NOW);
    bump(byState, state);
    if (u.billable) bump(billableByState, state);
  }
  return { users: list.length, billable: list.filter((u) => u.billable).length, byState, billableByState };
};

/** D2 computed in memory with classifyAccess, one entry per product and site; D4's seats with the whitelist. */
const expectedUsage = (list: readonly User[], thresholds: InactivityThresholds) =>
  products
    .map((p) => {
      const byState = zero();
      let usersWithAccess = 0;
      let seatsUsed = 0;
      let overdueSeats = 0;
      let protectedSeats = 0;
      for (const u of list) {
        for (const a of u.productAccess.filter((x) => x.productKey === p.key && x.resourceId === p.resourceId)) {
          usersWithAccess += 1;
          if (u.billable) seatsUsed += 1;
          const state = classifyAccess(u, a, thresholds, NOW);
          bump(byState, state);
          if (u.billable && state === 'overdue') overdueSeats += 1;
          if (u.billable && state === 'overdue' && whitelist.isProtected(u.email)) protectedSeats += 1;
        }
      }
      return { productKey: p.key, resourceId: p.resourceId, name: p.name, usersWithAccess, seatsUsed, seatCapacity: p.seatCapacity, byState, overdueSeats, protectedSeats };
    })
    .sort((a, b) => (a.productKey + a.resourceId < b.productKey + b.resourceId ? -1 : 1));

beforeAll(async () => {
  await ensureSchema();
  await productRepo.upsertMany(products, 1);
  await users.upsertMany(directory, 1);
  await users.upsertMany(present, 2);
  await users.markLeftBefore(2);
});

describe('dashboard aggregates (D1, D2)', () => {
  it.each([
    [{ warningDays: 90, overdueDays: 180 }],
    [{ warningDays: 30, overdueDays: 60 }],
    [{ warningDays: 7, overdueDays: 120 }],
  ])('totals by inactivity state and billable, users who left excluded, at thresholds %o', async (thresholds) => {
    const totals = await dashboard.totals({ now: NOW, thresholds });
    expect(totals).toEqual(expectedTotals(present, thresholds));
    expect(totals.byState.new).toBeGreaterThan(0);
  });

  it.each([[{ warningDays: 90, overdueDays: 180 }], [{ warningDays: 14, overdueDays: 30 }]])(
    'per product and site: users with access, states, seats used against capacity, at %o',
    async (thresholds) => {
      const expected = expectedUsage(present, thresholds).map(({ protectedSeats: _held, ...usage }) => usage);
      expect(await dashboard.productUsage({ now: NOW, thresholds })).toEqual(expected);
    },
  );

  it('counts the billable seats of overdue users, and those of them the whitelist protects (D4)', async () => {
    const thresholds = { warningDays: 30, overdueDays: 60 };
    const expected = expectedUsage(present, thresholds);
    const usage = await dashboard.productUsage({ now: NOW, thresholds });
    expect(usage.map((u) => u.overdueSeats)).toEqual(expected.map((u) => u.overdueSeats));
    const held = await dashboard.protectedOverdueSeats({ now: NOW, thresholds, protectedEmails: whitelist });
    expect(held.length).toBeGreaterThan(0);
    const byProduct = new Map(held.map((s) => [`${s.productKey} ${s.resourceId}`, s.seats]));
    expect(expected.map((u) => byProduct.get(`${u.productKey} ${u.resourceId}`) ?? 0)).toEqual(expected.map((u) => u.protectedSeats));
    expect(await dashboard.protectedOverdueSeats({ now: NOW, thresholds, protectedEmails: ProtectedEmails.none() })).toEqual([]);
  });

  it('lists a product nobody uses yet with its capacity, and registers one first seen on a user', async () => {
    await productRepo.upsertMany([{ key: 'compass', resourceId: 'ari:x', name: 'Compass', siteUrl: null, seatCapacity: 25 }], 3);
    const stray = { ...directory[0]!, productAccess: [{ productKey: 'loom', resourceId: 'ari:loom', lastActiveAt: null }] };
    await users.upsertMany([stray], 3);
    const usage = await dashboard.productUsage({ now: NOW, thresholds: { warningDays: 90, overdueDays: 180 } });
    expect(usage.find((u) => u.productKey === 'compass')).toMatchObject({ usersWithAccess: 0, seatCapacity: 25, name: 'Compass' });
    expect(usage.find((u) => u.productKey === 'loom')).toMatchObject({ usersWithAccess: 1, seatCapacity: null, name: 'loom' });
    expect((await productRepo.list()).map((p) => p.key)).toEqual(expect.arrayContaining(['compass', 'loom']));
    await productRepo.upsertMany([{ key: 'loom', resourceId: 'ari:loom', name: 'Loom', siteUrl: null, seatCapacity: 5 }], 3);
    await users.upsertMany([stray], 3);
    const synced = await dashboard.productUsage({ now: NOW, thresholds: { warningDays: 90, overdueDays: 180 } });
    expect(synced.find((u) => u.productKey === 'loom')).toMatchObject({ name: 'Loom', seatCapacity: 5 });
  });

  it('is zero on an empty org', async () => {
    await users.markLeftBefore(100);
    const totals = await dashboard.totals({ now: NOW, thresholds: { warningDays: 90, overdueDays: 180 } });
    expect(totals).toEqual({ users: 0, billable: 0, byState: zero(), billableByState: zero() });
  });
});
