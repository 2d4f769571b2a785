import { DomainError } from '../../../../src/domain/model/errors';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { dbState, directoryState, drain } from './driver';
import { makeWorld, populate, type World } from './world';

const ADMIN = { kind: 'admin', accountId: 'admin-1' } as const;

const syncAll = async (w: World) => {
  const run = await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
  const drained = await drain(w);
  return { run: (await w.runs.get(run.id))!, drained };
};

describe('a full sync (Y1, Y2)', () => {
  it('reads a directory of 3,000 users through repeated slices until the tables equal the directory', async () => {
    const w = makeWorld({ pagesPerSlice: 7 });
    populate(w, { users: 3000, groups: 40, seed: 7 });
    const { run, drained } = await syncAll(w);
    expect(run.status).toBe('succeeded');
    expect(run.phase).toBe('done');
    expect(dbState(w)).toEqual(directoryState(w));
    expect(run.processed).toBe(3000);
    expect(run.checkpoint.usersWalkComplete).toBe(true);
    expect(drained.outcomes.filter((o) => o.kind === 'continued').length).toBeGreaterThan(3);
    expect(w.lock.isHeld('sync')).toBe(false);
    expect([...w.audit.entries.values()].map((e) => [e.action, e.details.event, e.outcome])).toEqual([
      ['sync.run', 'started', 'succeeded'],
      ['sync.run', 'succeeded', 'succeeded'],
    ]);
  });

  it('marks the users who left the org by generation, and un-marks them when they come back', async () => {
    const w = makeWorld();
    populate(w, { users: 600 });
    await syncAll(w);
    const everyone = w.directory.users.map((u) => u.accountId);
    const leaving = everyone.filter((_, i) => i % 10 === 3);
    const remaining = w.directory.users;
    w.directory.users = remaining.filter((u) => !leaving.includes(u.accountId));
    const { run } = await syncAll(w);
    expect(run.checkpoint.counts.markedLeft).toBe(leaving.length);
    expect(dbState(w)).toEqual(directoryState(w, everyone));
    expect(w.tables.users.get(leaving[0]!)?.user.membershipStatus).toBe('no_membership');
    w.directory.users = remaining;
    await syncAll(w);
    expect(dbState(w).left).toEqual([]);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('reads last-active dates one by one only for the users whose activity the walk did not give', async () => {
    const w = makeWorld();
    populate(w, { users: 1000, hidden: 0.2, seed: 3 });
    const { run } = await syncAll(w);
    const hidden = [...w.directory.hiddenActivity].sort();
    expect(hidden.length).toBeGreaterThan(100);
    expect([...w.directory.lastActiveAsked].sort()).toEqual(hidden);
    expect(run.checkpoint.counts.activityFilled).toBe(hidden.length);
    expect(dbState(w).users.every((u) => u?.activityKnown)).toBe(true);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('never makes a user inactive for missing data: unreadable activity stays unknown and the run says so', async () => {
    const w = makeWorld();
    populate(w, { users: 400, hidden: 0.1, seed: 5 });
    const hidden = [...w.directory.hiddenActivity].sort();
    const broken = new Set(hidden.filter((_, i) => i % 4 === 0));
    const gone = hidden[1]!;
    w.directory.fault = (call, n, accountId) => {
      if (call === 'lastActiveDates' && n === 1) {
        w.directory.users = w.directory.users.filter((u) => u.accountId !== gone); // left between walk and fallback
      }
      if (call === 'lastActiveDates' && accountId !== null && broken.has(accountId)) {
        throw new DomainError('UPSTREAM_FAILED', 'HTTP 500');
      }
    };
    const { run } = await syncAll(w);
    expect(run.status).toBe('partially-failed');
    expect(run.checkpoint.counts.activityFailed).toBe(broken.size);
    expect(run.checkpoint.counts.activitySkipped).toBe(1);
    for (const id of broken) {
      const user = w.tables.readUser(id)!;
      expect(user.activityKnown).toBe(false);
      expect(user.productAccess.every((a) => a.lastActiveAt === null)).toBe(true);
    }
    expect(w.tables.readUser(gone)?.activityKnown).toBe(false);
    expect(w.directory.lastActiveAsked).toContain(gone);
  });

  it('reads project role members and JSM customers and drops the rows a later walk no longer sees', async () => {
    const w = makeWorld();
    populate(w, { users: 300, roleMembers: 250, customers: 230 });
    await syncAll(w);
    w.site.roleMembers = w.site.roleMembers.slice(0, 90);
    w.site.customers = w.site.customers.slice(40);
    const { run } = await syncAll(w);
    expect(dbState(w)).toEqual(directoryState(w));
    expect(run.checkpoint.counts.siteRowsDeleted).toBeGreaterThan(0);
  });

  it('walks every directory of an org with several, and deletes groups that are gone', async () => {
    const w = makeWorld({ pagesPerSlice: 2 });
    populate(w, { users: 500, groups: 30 });
    w.directory.directories = ['dir-1', 'dir-2', 'dir-3'];
    w.directory.users.forEach((u, i) => w.directory.userDirectory.set(u.accountId, `dir-${(i % 3) + 1}`));
    await syncAll(w);
    w.directory.groups = w.directory.groups.slice(5);
    for (const u of w.directory.users) u.groups = u.groups.filter((g) => w.directory.groups.some((x) => x.id === g.id));
    const { run } = await syncAll(w);
    expect(run.checkpoint.counts.groupsDeleted).toBe(5);
    expect(dbState(w)).toEqual(directoryState(w));
  });
});

describe('a manual sync of chosen data types (S5)', () => {
  it('syncs only the picked groups’ memberships, removes members who left them, and marks no one as left', async () => {
    const w = makeWorld();
    populate(w, { users: 800, groups: 30 });
    await syncAll(w);
    const picked = w.directory.groups.slice(0, 12).map((g) => g.id);
    const quitter = w.directory.users.find((u) => u.groups.some((g) => g.id === picked[0]))!;
    quitter.groups = quitter.groups.filter((g) => g.id !== picked[0]);
    const outsider = w.directory.users.find((u) => u.groups.length > 0 && u.groups.every((g) => !picked.includes(g.id)))!;
    const stale = outsider.groups;
    outsider.groups = [];
    w.directory.users = w.directory.users.slice(1); // someone left, but a partial sync cannot know
    w.directory.calls.searchUsers = 0;
    const started = await startSync({ trigger: 'manual', actor: ADMIN, dataTypes: ['group-memberships'], groupIds: picked }, w.startDeps);
    await drain(w);
    const run = (await w.runs.get(started.id))!;
    expect(run.status).toBe('succeeded');
    expect(run.checkpoint.counts.markedLeft).toBe(0);
    expect(dbState(w).left).toEqual([]);
    expect(w.tables.readUser(quitter.accountId)?.groups.map((g) => g.id)).not.toContain(picked[0]);
    expect(w.tables.readUser(outsider.accountId)?.groups.map((g) => g.id)).toEqual(stale.map((g) => g.id).sort());
    expect(run.checkpoint.counts.membershipsPruned).toBeGreaterThanOrEqual(1);
    expect(w.directory.calls.searchGroups).toBe(1 + 0); // from the first full sync only
    expect(w.directory.calls.lastActiveDates).toBe(w.directory.hiddenActivity.size); // likewise
  });

  it('runs the users walk without the fallback for "All users" alone', async () => {
    const w = makeWorld();
    populate(w, { users: 300, hidden: 0.2 });
    const started = await startSync({ trigger: 'manual', actor: ADMIN, dataTypes: ['users'] }, w.startDeps);
    await drain(w);
    const run = (await w.runs.get(started.id))!;
    expect(run.status).toBe('succeeded');
    expect(w.directory.calls.lastActiveDates).toBe(0);
    expect(w.directory.calls.searchGroups).toBe(0);
    expect(w.site.calls).toBe(0);
    expect(dbState(w).users.filter((u) => u?.activityKnown === false).length).toBe(w.directory.hiddenActivity.size);
  });
});
