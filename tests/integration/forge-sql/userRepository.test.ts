import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql } from '@forge/sql';
import type { User } from '../../../src/domain/model/user';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { context } from './support/context';
import { groups, normalized, NOW, seedUsers, SITE_A } from './support/seedDirectory';

useForgeRuntime();
const repo = new SqlUserRepository();
const directory = seedUsers(300, groups(20));
const user = (i: number): User => directory[i]!;

const rowCount = async (table: string): Promise<number> => {
  const result = await sql.prepare<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).execute();
  return result.rows[0]?.n ?? -1;
};

beforeAll(async () => {
  await ensureSchema();
  await repo.upsertMany(directory, 1);
});

describe('SqlUserRepository: writes and reads', () => {
  it('round-trips every field of every user (dates to the millisecond, access and groups)', async () => {
    const read = await repo.getMany(directory.map((u) => u.accountId));
    expect(read).toEqual(directory.map(normalized));
    expect(await repo.get('nobody')).toBeNull();
    expect(await repo.count()).toBe(300);
  });

  it('returns getMany in the order asked, skipping unknown ids', async () => {
    const ids = [user(5).accountId, 'missing', user(2).accountId, user(5).accountId];
    expect((await repo.getMany(ids)).map((u) => u.accountId)).toEqual([user(5).accountId, user(2).accountId, user(5).accountId]);
  });

  it('is idempotent: upserting the same users again changes no row count', async () => {
    const before = [await rowCount('users'), await rowCount('user_product_access'), await rowCount('group_members')];
    await repo.upsertMany(directory, 1);
    expect([await rowCount('users'), await rowCount('user_product_access'), await rowCount('group_members')]).toEqual(before);
  });

  it('replaces a user’s product access and groups with what the directory now says', async () => {
    const changed: User = {
      ...user(10),
      name: 'Renamed Person',
      productAccess: [{ productKey: 'confluence', resourceId: SITE_A, lastActiveAt: new Date(NOW.getTime() - 1000) }],
      groups: [{ id: 'grp-0019', name: 'Nineteen' }],
    };
    await repo.upsertMany([changed], 1);
    expect(await repo.get(changed.accountId)).toEqual(normalized(changed));
    await repo.upsertMany([user(10)], 1);
    expect(await repo.get(user(10).accountId)).toEqual(normalized(user(10)));
  });

  it('marks users a later full sync did not see as having left, and brings them back when seen again', async () => {
    const seen = directory.slice(0, 250);
    await repo.upsertMany(seen, 2);
    expect(await repo.markLeftBefore(2)).toBe(50);
    expect(await repo.markLeftBefore(2)).toBe(0);
    expect(await repo.count()).toBe(250);
    expect((await repo.get(user(260).accountId))?.membershipStatus).toBe('no_membership');
    const listed = await repo.list({ filter: {}, sort: { key: 'name', direction: 'asc' }, limit: 500, after: null }, context());
    expect(listed.items).toHaveLength(250);
    const withLeft = await repo.countMatching({ includeLeft: true }, context());
    expect(withLeft).toBe(300);
    await repo.upsertMany(directory.slice(250), 3);
    expect(await repo.count()).toBe(300);
    expect(await repo.get(user(260).accountId)).toEqual(normalized(user(260)));
  });

  it('pages through users whose activity is unknown, by account id', async () => {
    const unknown = directory.filter((u) => !u.activityKnown).map((u) => u.accountId).sort();
    const first = await repo.withUnknownActivity(3, null);
    expect(first).toEqual(unknown.slice(0, 3));
    expect(await repo.withUnknownActivity(1000, first.at(-1) ?? null)).toEqual(unknown.slice(3));
  });

  it('erases a user and every row naming them', async () => {
    const target = user(20);
    await repo.erase(target.accountId);
    expect(await repo.get(target.accountId)).toBeNull();
    const leftovers = await sql
      .prepare<{ n: number }>(
        'SELECT (SELECT COUNT(*) FROM user_product_access WHERE account_id = ?) + (SELECT COUNT(*) FROM group_members WHERE account_id = ?) AS n',
      )
      .bindParams(target.accountId, target.accountId)
      .execute();
    expect(leftovers.rows[0]?.n).toBe(0);
    await repo.upsertMany([target], 3);
  });

  it('refuses an out-of-range page size and a cursor from another sort', async () => {
    const base = { filter: {}, sort: { key: 'name' as const, direction: 'asc' as const }, after: null };
    await expect(repo.list({ ...base, limit: 0 }, context())).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const page = await repo.list({ ...base, limit: 5 }, context());
    await expect(
      repo.list({ ...base, sort: { key: 'email', direction: 'asc' }, limit: 5, after: page.next }, context()),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.list({ ...base, limit: 5, after: 'garbage!' }, context())).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
