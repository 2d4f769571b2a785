/**
 * Issue 5, scheduling and progress: the hourly trigger starts the daily sync at its slot (site time zone) exactly
 * once however many ticks arrive, the admin page can follow the run (phase, processed / estimate, API calls) and
 * read the history, and the next day's slot starts the next run with the last run's size as its estimate.
 */
import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql } from '@forge/sql';
import { getSyncHistory, getSyncStatus } from '../../../src/domain/usecases/sync/syncStatus';
import { expectDatabaseEqualsSimulators, expectSucceeded } from './support/expectations';
import { quietLogs } from './support/quietLogs';
import { calmPlan, startSimulators, type Simulators } from './support/simulators';
import { SyncRig } from './support/syncRig';

const rt = useForgeRuntime();
quietLogs();
const USERS = 240;
const MINUTE_MS = 60_000;

let rig: SyncRig;
let sims: Simulators;
beforeAll(async () => {
  rig = new SyncRig(rt);
  rig.reset({ pagesPerSlice: 1, fallbackCallsPerSlice: 10, safetyMarginMs: 1_000 });
  sims = await startSimulators(rt, calmPlan(71, USERS));
  await rig.configure(sims, 'Europe/Berlin');
});
afterAll(async () => {
  await sims.stop();
});

describe('the daily sync slot', () => {
  let runId = '';

  it('starts one sync at the slot; duplicate and later ticks in that slot start none', async () => {
    const ticks = await Promise.all([rig.tick(), rig.tick()]);
    expect(ticks.map((t) => t?.sync.action).sort()).toEqual(['running', 'started']);
    runId = ticks.find((t) => t?.sync.action === 'started')?.sync.runId ?? '';
    expect((await rig.tick())?.sync).toMatchObject({ action: 'running', runId });
    expect(await getSyncHistory(10, rig.current)).toHaveLength(1);
  });

  it('reports progress while the run works through its slices', async () => {
    await rt.runtime.queue.drain(4);
    const status = await getSyncStatus(rig.current);
    expect(status).toMatchObject({ runId, status: 'running', trigger: 'schedule', estimatedTotal: null, percent: null });
    expect(status?.processed).toBeGreaterThan(0);
    expect(status?.processed).toBeLessThan(USERS);
    expect(status?.apiCalls).toBeGreaterThan(2);
    expect(['groups', 'users']).toContain(status?.phase);
  });

  it('finishes with the directory synced and its statistics in the history', async () => {
    expectSucceeded(await rig.settle(runId));
    await expectDatabaseEqualsSimulators(sims);
    const [done] = await getSyncHistory(10, rig.current);
    expect(done).toMatchObject({ runId, status: 'succeeded', phase: 'done', processed: USERS, percent: 100, failureReason: null });
    expect(done?.counts).toMatchObject({ users: USERS, activityFailed: 0, markedLeft: 0 });
    expect(done?.counts.activityFilled).toBeGreaterThan(0);
    expect(done?.finishedAt).not.toBeNull();
    rt.runtime.clock.advance(20 * MINUTE_MS);
    expect((await rig.tick())?.sync.action).toBe('not-due');
  });

  it("starts the next run at the next day's slot, estimating its size from the last run", async () => {
    rt.runtime.clock.advance(24 * 60 * MINUTE_MS);
    const tick = await rig.tick();
    expect(tick?.sync.action).toBe('started');
    await rt.runtime.queue.drain(3);
    const status = await getSyncStatus(rig.current);
    expect(status).toMatchObject({ status: 'running', estimatedTotal: USERS });
    expect(status?.percent).toBeGreaterThanOrEqual(0);
    expect(status?.percent).toBeLessThan(100);
    expectSucceeded(await rig.settle(tick?.sync.runId ?? ''));
    const history = await getSyncHistory(10, rig.current);
    expect(history.map((h) => h.runId)).toEqual([tick?.sync.runId, runId]);
    await expectDatabaseEqualsSimulators(sims);
  });
});

describe('access and groups a user lost', () => {
  it('are gone after the next run: the users walk leaves them to its end, which deletes them', async () => {
    const { state } = sims.admin;
    // One group and the direct roles go; access through the other groups stays, with its activity, so that the
    // user does not need the per-user fallback (whose rewrite would delete the rows on its own).
    const user = state.org.users.find((u) => u.groups.length > 1 && u.directRoles.length > 0 && !u.activityHidden)
      ?? state.org.users.find((u) => u.groups.length > 1 && !u.activityHidden);
    if (user === undefined) throw new Error('the simulated org has a user in two groups');
    const [lost, ...kept] = user.groups;
    state.mutate(user, () => {
      if (lost !== undefined) state.org.groups[lost]?.members.delete(user.index);
      user.groups = kept;
      user.directRoles = [];
    });
    rt.runtime.clock.advance(24 * 60 * MINUTE_MS);
    const tick = await rig.tick();
    expectSucceeded(await rig.settle(tick?.sync.runId ?? ''));
    await expectDatabaseEqualsSimulators(sims);
    const rows = await sql
      .prepare<{ n: number }>('SELECT COUNT(*) AS n FROM group_members WHERE account_id = ?')
      .bindParams(user.accountId)
      .execute();
    expect(rows.rows[0]?.n).toBe(kept.length);
  });
});

describe('members who left', () => {
  it('marks the users a full sync no longer sees as left, by generation, and drops the groups and site rows', async () => {
    const other = await startSimulators(rt, calmPlan(72, 60));
    try {
      await rig.configure(other, 'UTC');
      rt.runtime.clock.advance(24 * 60 * MINUTE_MS);
      const tick = await rig.tick();
      const run = await rig.settle(tick?.sync.runId ?? '');
      expectSucceeded(run);
      expect(run.checkpoint.counts.markedLeft).toBe(USERS);
      await expectDatabaseEqualsSimulators(other);
    } finally {
      await other.stop();
    }
  });
});
