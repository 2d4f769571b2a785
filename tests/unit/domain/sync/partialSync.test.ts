/**
 * FEATURES Y5: a partial sync changes only what it read. A group-memberships sync writes the picked groups'
 * memberships and nothing else of the users it finds: their activity (read earlier by the fallback), products and
 * account fields stay as they were.
 */
import type { User } from '../../../../src/domain/model/user';
import { startSync } from '../../../../src/domain/usecases/sync/startSync';
import { dbState, drain } from './driver';
import { makeWorld, populate, type World } from './fakes';

const ADMIN = { kind: 'admin', accountId: 'admin-1' } as const;

const syncAll = async (w: World): Promise<void> => {
  await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
  await drain(w);
};

const withoutGroups = ({ groups: _groups, ...rest }: User): Omit<User, 'groups'> => rest;

describe('a group-memberships sync (Y5)', () => {
  it('writes only the picked groups’ memberships: activity, products and account fields stay as they were', async () => {
    const w = makeWorld();
    populate(w, { users: 600, groups: 25, hidden: 0.3 });
    await syncAll(w);
    const picked = w.directory.groups.slice(0, 4).map((g) => g.id);
    const members = w.directory.users.filter((u) => u.groups.some((g) => picked.includes(g.id)));
    const hiddenMembers = members.filter((u) => w.directory.hiddenActivity.has(u.accountId));
    expect(hiddenMembers.length).toBeGreaterThan(10);
    const before = dbState(w).users;
    expect(before.every((u) => u?.activityKnown)).toBe(true);
    // The directory changed since: a member was renamed and lost a product; a partial sync of groups cannot say so.
    const renamed = members[0]!;
    renamed.name = 'Renamed meanwhile';
    renamed.productAccess = renamed.productAccess.slice(0, 1);
    const joiner = w.directory.users.find((u) => !u.groups.some((g) => picked.includes(g.id)))!;
    joiner.groups = [...joiner.groups, { id: picked[1]!, name: 'group 1' }];

    const started = await startSync({ trigger: 'manual', actor: ADMIN, dataTypes: ['group-memberships'], groupIds: picked }, w.startDeps);
    await drain(w);
    expect((await w.runs.get(started.id))?.status).toBe('succeeded');

    const after = dbState(w).users;
    expect(after.map((u) => u && withoutGroups(u))).toEqual(before.map((u) => u && withoutGroups(u)));
    expect(after.filter((u) => u?.activityKnown === false)).toEqual([]);
    expect(w.tables.readUser(joiner.accountId)?.groups.map((g) => g.id)).toContain(picked[1]);
    expect(w.directory.calls.lastActiveDates).toBe(w.directory.hiddenActivity.size); // the first full sync only
  });
});
