import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql } from '@forge/sql';
import type { User } from '../../../src/domain/model/user';
import { SqlGroupRepository } from '../../../src/adapters/forge-sql/groups/sqlGroupRepository';
import { SqlProductRepository } from '../../../src/adapters/forge-sql/products/sqlProductRepository';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { context } from './support/context';
import { groups, normalized, NOW, seedUsers, SITE_A, SITE_B } from './support/seedDirectory';
import { recordSql } from './support/recordSql';

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
    const known = directory.flatMap((u) => u.groups).find((g) => !user(10).groups.some((own) => own.id === g.id))!;
    const changed: User = {
      ...user(10),
      name: 'Renamed Person',
      productAccess: [{ productKey: 'confluence', resourceId: SITE_A, lastActiveAt: new Date(NOW.getTime() - 1000) }],
      groups: [known],
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

  it('narrows the unknown users to those one generation wrote (what a running walk has stored)', async () => {
    const unknownUsers = directory.filter((u) => !u.activityKnown);
    expect(unknownUsers.length).toBeGreaterThan(4);
    const rewritten = unknownUsers.slice(0, 2);
    await repo.upsertMany(rewritten, 9);
    expect(await repo.withUnknownActivity(1000, null, 9)).toEqual(rewritten.map((u) => u.accountId).sort());
    expect(await repo.withUnknownActivity(1000, null, 8)).toEqual([]);
    expect((await repo.withUnknownActivity(1000, null)).length).toBe(unknownUsers.length);
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

describe('SqlUserRepository: access and memberships named by hash, read back through products and groups', () => {
  const groupRepo = new SqlGroupRepository();
  const SITE_C = 'ari:cloud:platform::site/cccccccc-0000-0000-0000-000000000003';
  const seeded = directory.flatMap((u) => u.groups)[0]!;
  const fresh = { id: 'grp-fresh-1', name: 'Fresh Group' };
  const newcomer = (id: string, groupList: User['groups'], access: User['productAccess']): User => ({
    ...user(30),
    accountId: id,
    productAccess: access,
    groups: groupList,
  });
  const listIds = async (groupId: string): Promise<string[]> =>
    (await repo.list({ filter: { groupId }, sort: { key: 'name', direction: 'asc' }, limit: 500, after: null }, context())).items
      .map((u) => u.accountId)
      .sort();
  const stored = async (groupId: string): Promise<unknown[]> =>
    (
      await sql
        .prepare<{ name: string; seen_generation: number }>('SELECT name, seen_generation FROM directory_groups WHERE group_id = ?')
        .bindParams(groupId)
        .execute()
    ).rows;
  const accessA = [
    { productKey: 'jira-software', resourceId: SITE_C, lastActiveAt: new Date(NOW.getTime() - 123_456) },
    { productKey: 'confluence', resourceId: SITE_C, lastActiveAt: null },
    { productKey: 'confluence', resourceId: SITE_B, lastActiveAt: new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)) },
  ];

  it('reads back groups and products that were in neither directory_groups nor products before the upsert', async () => {
    expect(await stored(fresh.id)).toEqual([]);
    const a = newcomer('acc-new-a', [fresh, seeded], accessA);
    await repo.upsertMany([a], 4);
    expect(await repo.get(a.accountId)).toEqual(normalized(a));
    // Registered as the user named it, with the upsert's generation, until the groups sync writes it.
    expect(await stored(fresh.id)).toEqual([{ name: 'Fresh Group', seen_generation: 4 }]);
    expect(await groupRepo.get(fresh.id)).toEqual({
      ...fresh, description: null, idpSynced: false, modifiable: true, userCount: 0, grants: [],
    });
    expect(await listIds(fresh.id)).toEqual([a.accountId]);
    expect(await groupRepo.memberCounts([fresh.id])).toEqual({ [fresh.id]: 1 });
  });

  it('never lets a later user’s group reference overwrite an existing group row', async () => {
    const b = newcomer('acc-new-b', [{ id: fresh.id, name: 'Another Name' }], []);
    await repo.upsertMany([b], 5);
    expect((await repo.get(b.accountId))?.groups).toEqual([fresh]);
    expect(await stored(fresh.id)).toEqual([{ name: 'Fresh Group', seen_generation: 4 }]);
  });

  it('reads the synced name once the groups sync writes a registered group, and the new name after a rename', async () => {
    const synced = { id: fresh.id, name: 'Real Name', description: 'From the directory', idpSynced: true, modifiable: false, userCount: 2, grants: [] };
    await groupRepo.upsertMany([synced], 6);
    expect((await repo.get('acc-new-a'))?.groups).toEqual([{ id: fresh.id, name: 'Real Name' }, seeded].sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect((await repo.get('acc-new-b'))?.groups).toEqual([{ id: fresh.id, name: 'Real Name' }]);
    expect(await groupRepo.get(fresh.id)).toEqual(synced);
    await groupRepo.upsertMany([{ ...synced, name: 'Renamed Again' }], 7);
    expect((await repo.get('acc-new-b'))?.groups).toEqual([{ id: fresh.id, name: 'Renamed Again' }]);
    // A user upsert after the sync leaves the synced row as it is.
    await repo.upsertMany([newcomer('acc-new-b', [{ id: fresh.id, name: 'Stale Name' }], [])], 8);
    expect((await repo.get('acc-new-b'))?.groups).toEqual([{ id: fresh.id, name: 'Renamed Again' }]);
    expect(await groupRepo.get(fresh.id)).toEqual({ ...synced, name: 'Renamed Again' });
    expect(await listIds(fresh.id)).toEqual(['acc-new-a', 'acc-new-b']);
  });

  it('reads product access with the site from products (registered or synced) and activity to the millisecond', async () => {
    await new SqlProductRepository().upsertMany(
      [{ key: 'jira-software', resourceId: SITE_C, name: 'Jira C', siteUrl: 'https://c.atlassian.net', seatCapacity: 5 }],
      9,
    );
    expect((await repo.get('acc-new-a'))?.productAccess).toEqual([
      accessA[2], accessA[1], accessA[0],
    ]);
    const rows = await sql
      .prepare<{ last_active_ms: number | string | null }>(
        'SELECT last_active_ms FROM user_product_access WHERE account_id = ? ORDER BY last_active_ms',
      )
      .bindParams('acc-new-a')
      .execute();
    expect(rows.rows.map((r) => (r.last_active_ms === null ? null : Number(r.last_active_ms)))).toEqual([
      null,
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      NOW.getTime() - 123_456,
    ]);
  });

  it('sends a group registration only for a batch that names a group not in directory_groups yet', async () => {
    const queries = async (run: () => Promise<void>): Promise<string[]> => (await recordSql(run)).map((sent) => sent.query);
    const registrations = (sent: string[]): number => sent.filter((q) => q.startsWith('INSERT INTO directory_groups')).length;
    expect(registrations(await queries(() => repo.upsertMany(directory.slice(0, 50), 3)))).toBe(0);
    const fresher = newcomer('acc-new-c', [seeded, { id: 'grp-fresh-2', name: 'Fresher' }], []);
    expect(registrations(await queries(() => repo.upsertMany([...directory.slice(0, 5), fresher], 3)))).toBe(1);
    expect((await repo.get(fresher.accountId))?.groups).toEqual(normalized(fresher).groups);
    expect(registrations(await queries(() => repo.upsertMany([fresher], 3)))).toBe(0);
    expect(registrations(await queries(() => repo.upsertMany([newcomer('acc-new-d', [], [])], 3)))).toBe(0);
    for (const table of ['users', 'user_product_access', 'group_members']) {
      await sql.prepare(`DELETE FROM ${table} WHERE account_id IN (?, ?)`).bindParams('acc-new-c', 'acc-new-d').execute();
    }
  });

  it('filters by group id exactly as the hydrated memberships say, for every group', async () => {
    const all = await repo.getMany([...directory.map((u) => u.accountId), 'acc-new-a', 'acc-new-b']);
    const ids = [...new Set(all.flatMap((u) => u.groups.map((g) => g.id)))];
    expect(ids).toContain(fresh.id);
    for (const id of ids) {
      expect(await listIds(id)).toEqual(all.filter((u) => u.groups.some((g) => g.id === id)).map((u) => u.accountId).sort());
    }
    expect(await listIds(seeded.id)).toContain('acc-new-a');
    expect(await listIds('grp-nobody')).toEqual([]);
  });
});

describe('SqlUserRepository: a full walk leaves the rows users no longer have to markLeftBefore', () => {
  const accessOf = async (accountId: string): Promise<number> => {
    const r = await sql.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM user_product_access WHERE account_id = ?').bindParams(accountId).execute();
    return r.rows[0]?.n ?? -1;
  };

  it('keeps them stored but out of the user’s reads until the walk ends, then deletes them; a user who left keeps theirs', async () => {
    const [target, other] = directory.filter((u) => u.productAccess.length >= 2 && u.groups.length >= 2);
    const gone = directory.find((u) => u !== target && u !== other && u.productAccess.length > 0)!;
    if (target === undefined || other === undefined) throw new Error('the seed has users with two products and two groups');
    const changed: User = { ...target, productAccess: target.productAccess.slice(0, 1), groups: target.groups.slice(-1) };
    const walk = directory.filter((u) => u !== gone).map((u) => (u === target ? changed : u));
    const [access, members] = [await rowCount('user_product_access'), await rowCount('group_members')];
    const goneAccess = await accessOf(gone.accountId);

    // Two pages of the walk, the changed user in the second.
    const half = Math.floor(walk.length / 2);
    await repo.upsertMany(walk.slice(0, half), 20, { staleRows: 'at-mark-left' });
    await repo.upsertMany(walk.slice(half), 20, { staleRows: 'at-mark-left' });
    expect([await rowCount('user_product_access'), await rowCount('group_members')]).toEqual([access, members]);
    expect(await repo.get(changed.accountId)).toEqual(normalized(changed));
    const page = await repo.list(
      { filter: { search: changed.name.slice(0, 4) }, sort: { key: 'name', direction: 'asc' }, limit: 500, after: null },
      context(),
    );
    expect(page.items.find((u) => u.accountId === changed.accountId)).toEqual(normalized(changed));

    const left = await repo.markLeftBefore(20);
    expect(left).toBeGreaterThanOrEqual(1);
    expect(await rowCount('user_product_access')).toBe(access - (target.productAccess.length - 1));
    expect(await rowCount('group_members')).toBe(members - (target.groups.length - 1));
    expect(await repo.get(changed.accountId)).toEqual(normalized(changed));
    expect(await repo.get(other.accountId)).toEqual(normalized(other));
    expect((await repo.get(gone.accountId))?.membershipStatus).toBe('no_membership');
    expect(await accessOf(gone.accountId)).toBe(goneAccess);
  });

  it('deletes removed rows in the same call by default (what a bulk action’s refresh needs)', async () => {
    const target = directory.find((u) => u.productAccess.length >= 2)!;
    await repo.upsertMany([target], 20);
    expect(await accessOf(target.accountId)).toBe(target.productAccess.length);
    await repo.upsertMany([{ ...target, productAccess: target.productAccess.slice(0, 1) }], 20);
    expect(await accessOf(target.accountId)).toBe(1);
    await repo.upsertMany([target], 20);
    expect(await accessOf(target.accountId)).toBe(target.productAccess.length);
  });
});
