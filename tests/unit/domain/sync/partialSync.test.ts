/**
 * FEATURES Y5: a partial sync changes only what it read. A group-memberships sync writes the picked groups'
 * memberships and nothing else of the users it finds: their activity (read earlier by the fallback), products and
 * account fields stay as they were. A users sync without last-active does not forget the activity the fallback read.
 */
import type { User } from '../../../../src/domain/model/user';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { dbState, drain } from './driver';
import { makeWorld, populate, type World } from './world';

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

describe('a users sync without last-active (Y5)', () => {
  it('keeps the activity the fallback read for users whose users/search activity is missing, while their products are the same', async () => {
    const w = makeWorld();
    populate(w, { users: 500, hidden: 0.3 });
    await syncAll(w);
    const hidden = w.directory.users.filter((u) => w.directory.hiddenActivity.has(u.accountId));
    const [renamed, moved] = hidden;
    renamed!.name = 'Renamed meanwhile';
    const jira = moved!.productAccess[0]!;
    moved!.productAccess = [{ ...jira, resourceId: 'ari:cloud:jira::site/another' }];
    const before = new Map(dbState(w).users.map((u) => [u!.accountId, u!]));
    const fallbackCalls = w.directory.calls.lastActiveDates;

    const started = await startSync({ trigger: 'manual', actor: ADMIN, dataTypes: ['users'] }, w.startDeps);
    await drain(w);
    expect((await w.runs.get(started.id))?.status).toBe('succeeded');
    expect(w.directory.calls.lastActiveDates).toBe(fallbackCalls);

    const after = new Map(dbState(w).users.map((u) => [u!.accountId, u!]));
    for (const user of hidden.slice(2)) {
      expect(after.get(user.accountId)).toEqual(before.get(user.accountId));
    }
    expect(after.get(renamed!.accountId)).toEqual({ ...before.get(renamed!.accountId), name: 'Renamed meanwhile' });
    // Access on another site: what the fallback read no longer covers it, so the user is unknown until it reads again.
    expect(after.get(moved!.accountId)).toMatchObject({ activityKnown: false, productAccess: [{ resourceId: 'ari:cloud:jira::site/another', lastActiveAt: null }] });
    expect([...after.values()].filter((u) => !u.activityKnown).map((u) => u.accountId)).toEqual([moved!.accountId]);
  });
});
