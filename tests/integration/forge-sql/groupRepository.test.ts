import { useForgeRuntime } from '../../support/forgeRuntime';
import type { Group } from '../../../src/domain/model/group';
import { SqlGroupRepository } from '../../../src/adapters/forge-sql/groups/sqlGroupRepository';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { groups, seedUsers, SITE_A, SITE_B } from './support/seedDirectory';

useForgeRuntime();
const repo = new SqlGroupRepository();
const users = new SqlUserRepository();
const groupList = groups(120);
const directory = seedUsers(600, groupList, 5);

const nameKey = (name: string): string => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const byName = (a: Group, b: Group): number =>
  nameKey(a.name) < nameKey(b.name) ? -1 : nameKey(a.name) > nameKey(b.name) ? 1 : a.id < b.id ? -1 : 1;

beforeAll(async () => {
  await ensureSchema();
  await repo.upsertMany(groupList, 1);
  await users.upsertMany(directory, 1);
});

describe('SqlGroupRepository (groups, grants, statistics S6)', () => {
  it('round-trips groups with their grants', async () => {
    expect(await repo.get(groupList[4]!.id)).toEqual(groupList[4]);
    expect(await repo.get('nope')).toBeNull();
    expect(await repo.count()).toBe(120);
  });

  it('reads a user\'s groups with their grants by id, in one request per thousand ids (U5)', async () => {
    const wanted = [groupList[7]!, groupList[3]!, groupList[60]!];
    const found = await repo.getMany([...wanted.map((g) => g.id), 'nope', groupList[3]!.id]);
    expect([...found].sort(byName)).toEqual([...wanted].sort(byName));
    expect(found.some((g) => g.grants.length > 0)).toBe(true);
    expect(await repo.getMany([])).toEqual([]);
  });

  it('lists by name with keyset pages that never repeat or skip, and searches by name prefix', async () => {
    const seen: Group[] = [];
    let after: string | null = null;
    do {
      const page: { items: Group[]; next: string | null } = await repo.list(null, 17, after);
      seen.push(...page.items);
      after = page.next;
    } while (after !== null);
    expect(seen.map((g) => g.id)).toEqual([...groupList].sort(byName).map((g) => g.id));
    const teams = await repo.list('TEAM', 500, null);
    expect(teams.items.map((g) => g.id)).toEqual(groupList.filter((g) => g.name.startsWith('Team')).sort(byName).map((g) => g.id));
  });

  it('replaces grants on upsert and deletes groups a later sync did not see', async () => {
    const changed = { ...groupList[0]!, name: 'Renamed', grants: [{ productKey: 'confluence', resourceId: SITE_B, role: 'member' }] };
    await repo.upsertMany([changed, ...groupList.slice(1, 100)], 2);
    expect(await repo.get(changed.id)).toEqual(changed);
    expect(await repo.deleteNotSeenSince(2)).toBe(20);
    expect(await repo.count()).toBe(100);
    expect(await repo.get(groupList[110]!.id)).toBeNull();
    expect(await repo.memberCounts([groupList[110]!.id])).toEqual({ [groupList[110]!.id]: 0 });
    await repo.upsertMany([{ ...groupList[0]!, grants: [{ productKey: 'jira-software', resourceId: SITE_A, role: 'r' }] }], 3);
  });

  it('prunes memberships of re-read groups that the new generation did not stamp', async () => {
    const [g1, g2] = [groupList[1]!.id, groupList[2]!.id];
    const before = await repo.memberCounts([g1, g2]);
    const inG1 = directory.filter((u) => u.groups.some((g) => g.id === g1));
    await users.upsertMany(inG1.slice(0, 3), 9);
    expect(await repo.deleteMembershipsNotSeenSince([g1], 9)).toBe(before[g1]! - 3);
    expect(await repo.memberCounts([g1, g2])).toEqual({ [g1]: 3, [g2]: before[g2] });
    await users.upsertMany(directory, 10);
  });

  it('counts members of chosen groups, excluding users who left the org', async () => {
    const chosen = [groupList[1]!.id, groupList[2]!.id, 'unknown-group'];
    const expected = (list: typeof directory) =>
      Object.fromEntries(chosen.map((id) => [id, list.filter((u) => u.groups.some((g) => g.id === id)).length]));
    expect(await repo.memberCounts(chosen)).toEqual(expected(directory));
    await users.upsertMany(directory.slice(0, 500), 11);
    await users.markLeftBefore(11);
    expect(await repo.memberCounts(chosen)).toEqual(expected(directory.slice(0, 500)));
  });

  it('keeps a group a user upsert registered in the current generation, with its memberships, and drops older ones', async () => {
    const base = directory[0]!;
    const member = (id: string, groupIds: string[]) => ({
      ...base,
      accountId: id,
      groups: groupIds.map((g) => ({ id: g, name: `Registered ${g}` })),
    });
    // Generation 20: only a user upsert knows these two groups; the groups walk of 21 then sees neither. (The
    // groups deleted above are back: the directory's users named them, so their upserts registered them.)
    expect(await repo.count()).toBe(120);
    await users.upsertMany([member('acc-reg-old', ['grp-reg-old'])], 20);
    await repo.upsertMany(groupList, 21);
    await users.upsertMany([member('acc-reg-new', ['grp-reg-new', 'grp-reg-old'])], 21);
    expect(await repo.memberCounts(['grp-reg-old', 'grp-reg-new'])).toEqual({ 'grp-reg-old': 2, 'grp-reg-new': 1 });
    // grp-reg-old was registered in 20 (the upsert in 21 left the row alone): the walk of 21 did not see it.
    expect(await repo.deleteNotSeenSince(21)).toBe(1);
    expect(await repo.get('grp-reg-old')).toBeNull();
    expect(await repo.memberCounts(['grp-reg-old', 'grp-reg-new'])).toEqual({ 'grp-reg-old': 0, 'grp-reg-new': 1 });
    expect(await repo.get('grp-reg-new')).toMatchObject({ id: 'grp-reg-new', name: 'Registered grp-reg-new', userCount: 0 });
    expect((await users.get('acc-reg-new'))?.groups).toEqual([{ id: 'grp-reg-new', name: 'Registered grp-reg-new' }]);
    // The next users write of the old group registers it again.
    await users.upsertMany([member('acc-reg-new', ['grp-reg-new', 'grp-reg-old'])], 22);
    expect((await users.get('acc-reg-new'))?.groups.map((g) => g.id)).toEqual(['grp-reg-new', 'grp-reg-old']);
  });

  it('keeps the directory a groups sync read the group from; a later write without one leaves it (B2, U5)', async () => {
    const synced = { ...groupList[5]!, directory: { id: 'dir-okta', name: 'Okta sync' } };
    await repo.upsertMany([synced, { ...groupList[6]!, directory: { id: 'dir-unnamed', name: '' } }], 24);
    expect(await repo.get(synced.id)).toEqual(synced);
    expect((await repo.getMany([groupList[6]!.id]))[0]?.directory).toEqual({ id: 'dir-unnamed', name: '' });
    await repo.upsertMany([{ ...groupList[5]!, name: 'Renamed again' }], 25);
    expect(await repo.get(synced.id)).toEqual({ ...synced, name: 'Renamed again' });
    expect((await repo.get(groupList[7]!.id))?.directory).toBeUndefined();
  });

  it('prunes memberships of re-read groups by id whether the group was synced or registered', async () => {
    expect(await repo.deleteMembershipsNotSeenSince(['grp-reg-new', 'grp-reg-old'], 23)).toBe(2);
    expect((await users.get('acc-reg-new'))?.groups).toEqual([]);
  });

  it('writes membership rows only: the user, their access and other memberships stay as they were (Y5)', async () => {
    const someone = directory[0]!;
    const stored = await users.get(someone.accountId);
    if (stored === null) throw new Error('the seeded user is not stored');
    const group = groupList.find((g) => !stored.groups.some((m) => m.id === g.id))!;
    const countBefore = (await repo.memberCounts([group.id]))[group.id]!;
    const write = [{ accountId: someone.accountId, groupId: group.id }];
    await repo.upsertMemberships(write, 30);
    await repo.upsertMemberships(write, 30);
    const after = await users.get(someone.accountId);
    expect({ ...after, groups: [] }).toEqual({ ...stored, groups: [] });
    expect(after?.groups.map((g) => g.id).sort()).toEqual([...stored.groups.map((g) => g.id), group.id].sort());
    expect(await repo.memberCounts([group.id])).toEqual({ [group.id]: countBefore + 1 });
    expect(await repo.deleteMembershipsNotSeenSince([group.id], 30)).toBe(countBefore);
    expect((await users.get(someone.accountId))?.groups.map((g) => g.id).sort()).toEqual(after?.groups.map((g) => g.id).sort());
  });
});
