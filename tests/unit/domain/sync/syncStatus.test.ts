import { getSyncHistory, getSyncStatus } from '../../../../src/domain/usecases/sync/syncStatus';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { runSyncSlice } from '../../../../src/domain/usecases/sync/runSlice';
import { budgetOf, drain } from './driver';
import { makeWorld, populate, type World } from './world';

/** Delivers slices one by one until the latest run's status satisfies `until`; returns that status. */
const sliceUntil = async (w: World, until: (status: NonNullable<Awaited<ReturnType<typeof getSyncStatus>>>) => boolean) => {
  for (let next = w.queue.takeNext(); next !== undefined; next = w.queue.takeNext()) {
    if (next.availableAt > w.clock.now().getTime()) w.clock.set(new Date(next.availableAt));
    await runSyncSlice(next.message as never, w.syncDeps, budgetOf(w));
    const status = (await getSyncStatus(w))!;
    if (until(status)) return status;
  }
  throw new Error('the run ended before the status was seen');
};

describe('sync progress and history (Y2)', () => {
  it('shows nothing before the first sync', async () => {
    const w = makeWorld();
    expect(await getSyncStatus(w)).toBeNull();
    expect(await getSyncHistory(10, w)).toEqual([]);
  });

  it('shows the running run’s phase, processed against the estimate, API calls and duration', async () => {
    const w = makeWorld({ pagesPerSlice: 3 });
    populate(w, { users: 1_000 });
    w.directory.callMs = 1_000;
    await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
    await drain(w);
    await startSync({ trigger: 'manual', actor: { kind: 'admin', accountId: 'a' }, dataTypes: ['users'] }, w.startDeps);
    await runSyncSlice(w.queue.takeNext()!.message as never, w.syncDeps, budgetOf(w));
    const status = (await getSyncStatus(w))!;
    expect(status).toMatchObject({ status: 'running', phase: 'users', processed: 200, estimatedTotal: 1_000, percent: 20, apiCalls: 4, errors: 0 });
    expect(status.durationMs).toBe(4_000); // four calls of a second each
    expect(status.finishedAt).toBeNull();
    await drain(w);
    const done = (await getSyncStatus(w))!;
    expect(done).toMatchObject({ status: 'succeeded', phase: 'done', processed: 1_000, percent: 100, failureReason: null });
    expect(done.counts.users).toBe(1_000);
  });

  it('lists the history newest first, with failures and their reason', async () => {
    const w = makeWorld();
    populate(w, { users: 50 });
    for (let i = 0; i < 3; i += 1) {
      await startSync({ trigger: 'manual', actor: { kind: 'admin', accountId: 'a' }, dataTypes: ['users'] }, w.startDeps);
      await drain(w);
    }
    w.directory.fault = () => {
      throw new Error('socket hang up');
    };
    await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
    await drain(w);
    const history = await getSyncHistory(2, w);
    expect(history.map((h) => [h.trigger, h.status, h.failureReason, h.errors])).toEqual([
      ['schedule', 'failed', 'INTERNAL', 5],
      ['manual', 'succeeded', null, 0],
    ]);
    expect(history[0]!.finishedAt).not.toBeNull();
    expect((await getSyncHistory(0, w))).toHaveLength(1);
    expect((await getSyncHistory(1000, w))).toHaveLength(4);
  });

  it('estimates a group-memberships sync by the picked groups’ members, not by every user of the org', async () => {
    const w = makeWorld({ pagesPerSlice: 1 });
    populate(w, { users: 2_000, groups: 40 });
    await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
    await drain(w);
    const picked = w.directory.groups.slice(0, 2).map((g) => g.id);
    const members = w.directory.users.filter((u) => u.groups.some((g) => picked.includes(g.id))).length;
    const started = await startSync({ trigger: 'manual', actor: { kind: 'admin', accountId: 'a' }, dataTypes: ['group-memberships'], groupIds: picked }, w.startDeps);
    expect(started.estimatedTotal).toBeGreaterThanOrEqual(members);
    expect(started.estimatedTotal).toBeLessThan(members * 1.2);
    const status = await sliceUntil(w, (s) => s.phase === 'memberships' && s.processed > 0);
    expect(status.steps).toEqual([{ phase: 'memberships', processed: status.processed, total: started.estimatedTotal }]);
    expect(status.percent).toBe(Math.floor((status.processed / started.estimatedTotal!) * 100));
    await drain(w);
    const done = (await getSyncStatus(w))!;
    expect(done).toMatchObject({ status: 'succeeded', steps: [], percent: 100 });
    expect(done.processed).toBeLessThanOrEqual(done.estimatedTotal!);
  });

  it('reports the step really running, and the lane beside it: the fallback beside the users walk', async () => {
    const w = makeWorld({ pagesPerSlice: 2, fallbackBatch: 5 });
    populate(w, { users: 1_000, hidden: 0.3 });
    await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
    await drain(w);
    await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
    const status = await sliceUntil(w, (s) => s.phase === 'users' && s.steps.length === 2);
    const [walk, beside] = status.steps;
    expect(walk).toEqual({ phase: 'users', processed: status.counts.users, total: 1_000 });
    expect(beside).toMatchObject({ phase: 'activity', total: null });
    expect(status.percent).toBe(Math.floor((status.counts.users / 1_000) * 100));
  });

  it('reports the step really running in each stream: project users in the main stream, the fallback beside it', async () => {
    const w = makeWorld({ pagesPerSlice: 3, fallbackCallsPerSlice: 10, fallbackBatch: 5, earlyActivity: false, activityWaitSeconds: 0 });
    populate(w, { users: 300, hidden: 0.5, roleMembers: 2_000 });
    await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
    const status = await sliceUntil(w, (s) => s.steps[0]?.phase === 'project-users' && s.steps[1]?.phase === 'activity');
    expect(status.phase).toBe('project-users');
    expect(status.steps[0]).toEqual({ phase: 'project-users', processed: status.counts.projectRoleMembers, total: null });
    expect(status.steps[1]).toEqual({
      phase: 'activity',
      processed: status.counts.activityFilled + status.counts.activitySkipped + status.counts.activityFailed,
      total: null,
    });
    expect(status.percent).toBeNull();
  });

  it('shows the fallback alone, as the phase, once the main stream has finished its steps', async () => {
    const w = makeWorld({ pagesPerSlice: 50, fallbackCallsPerSlice: 10, fallbackBatch: 5, earlyActivity: false });
    populate(w, { users: 300, hidden: 0.5, roleMembers: 200, customers: 100 });
    await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
    const status = await sliceUntil(w, (s) => s.counts.customers === 100 && s.counts.activityFilled > 0);
    expect(status).toMatchObject({ status: 'running', phase: 'activity', percent: null });
    expect(status.steps).toEqual([{ phase: 'activity', processed: status.counts.activityFilled, total: null }]);
  });

  it('has no percentage while the size of the org is unknown', async () => {
    const w = makeWorld();
    populate(w, { users: 10 });
    await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
    expect(await getSyncStatus(w)).toMatchObject({ estimatedTotal: null, percent: null, processed: 0 });
  });
});
