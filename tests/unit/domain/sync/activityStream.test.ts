import { DomainError } from '../../../../src/domain/model/errors';
import { resumeSync, startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { runSyncSlice } from '../../../../src/domain/usecases/sync/runSlice';
import { budgetOf, dbState, directoryState, drain } from './driver';
import { makeWorld, populate, type World } from './world';

const SYSTEM = { kind: 'system' } as const;
const sizes = { users: 2_000, hidden: 0.12, seed: 11 };

const run = async (w: World, dataTypes?: Parameters<typeof startSync>[0]['dataTypes']) => {
  const trigger = dataTypes === undefined ? 'schedule' : 'manual';
  const id = (await startSync({ trigger, actor: SYSTEM, ...(dataTypes ? { dataTypes } : {}) }, w.startDeps)).id;
  const drained = await drain(w);
  const done = await w.runs.get(id);
  if (done === null) throw new Error('run not found');
  return { done, drained };
};

describe('the activity stream beside the users walk (activitySlice.ts)', () => {
  it('reads unknown users while the walk is still going, each user once, and ends equal to the directory', async () => {
    // Slices of the two streams take turns here (the fake queue delivers one at a time): short main slices, and
    // a clock that moves with each call, so that the walk is still going when the activity stream's wait is over.
    const w = makeWorld({ pagesPerSlice: 2, fallbackCallsPerSlice: 500, fallbackBatch: 10, activityWaitSeconds: 1 });
    populate(w, sizes);
    w.directory.callMs = 500;
    const pagesAtFallbackCalls: number[] = [];
    w.directory.fault = (call) => {
      if (call === 'lastActiveDates') pagesAtFallbackCalls.push(w.directory.calls.searchUsers);
    };
    const { done } = await run(w);
    expect(done.status).toBe('succeeded');
    const walkPages = w.directory.calls.searchUsers;
    // The first fallback calls come long before the last users page.
    expect(Math.min(...pagesAtFallbackCalls)).toBeLessThan(walkPages / 2);
    expect(pagesAtFallbackCalls.filter((p) => p < walkPages).length).toBeGreaterThan(0);
    const asked = w.directory.lastActiveAsked;
    expect(new Set(asked).size).toBe(asked.length);
    expect([...asked].sort()).toEqual([...w.directory.hiddenActivity].sort());
    expect(done.checkpoint.counts.activityFilled).toBe(w.directory.hiddenActivity.size);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('does not read during the walk when the early pass is off, nor at all for a sync without last-active', async () => {
    const off = makeWorld({ fallbackBatch: 10, earlyActivity: false });
    populate(off, sizes);
    const during: number[] = [];
    off.directory.fault = (call) => {
      if (call === 'lastActiveDates' && off.directory.calls.searchUsers < 20) during.push(1);
    };
    expect((await run(off)).done.status).toBe('succeeded');
    expect(during).toEqual([]);

    const usersOnly = makeWorld({ fallbackBatch: 10 });
    populate(usersOnly, sizes);
    expect((await run(usersOnly, ['users'])).done.status).toBe('succeeded');
    expect(usersOnly.directory.calls.lastActiveDates).toBe(0);
  });

  it('hands a user the early pass cannot read to the final pass, which reads it again and counts it once', async () => {
    const w = makeWorld({ fallbackBatch: 10 });
    populate(w, sizes);
    const hidden = [...w.directory.hiddenActivity].sort();
    const flaky = hidden[3] ?? '';
    const never = hidden[40] ?? '';
    let flakyFailures = 0;
    w.directory.fault = (call, _n, accountId) => {
      if (call !== 'lastActiveDates') return;
      if (accountId === flaky && flakyFailures++ === 0) throw new DomainError('UPSTREAM_FAILED', 'HTTP 502');
      if (accountId === never) throw new DomainError('UPSTREAM_FAILED', 'HTTP 500');
    };
    const { done } = await run(w);
    expect(done.status).toBe('partially-failed');
    expect(done.checkpoint.counts.activityFailed).toBe(1);
    expect(done.checkpoint.counts.activityFilled).toBe(hidden.length - 1);
    expect(w.tables.readUser(flaky)?.activityKnown).toBe(true);
    expect(w.tables.readUser(never)?.activityKnown).toBe(false);
  });

  it('leaves users that always fail to the final pass, interleaved as without the early pass: partially failed, not an outage', async () => {
    const w = makeWorld({ fallbackBatch: 10 });
    populate(w, sizes);
    const hidden = [...w.directory.hiddenActivity].sort();
    const broken = new Set([hidden[1], hidden[3], hidden[5]]);
    const asked = new Map<string, number>();
    w.directory.fault = (call, _n, accountId) => {
      if (call !== 'lastActiveDates' || accountId === null) return;
      asked.set(accountId, (asked.get(accountId) ?? 0) + 1);
      if (broken.has(accountId)) throw new DomainError('UPSTREAM_FAILED', 'HTTP 500');
    };
    const { done } = await run(w);
    expect(done.status).toBe('partially-failed');
    expect(done.checkpoint.counts.activityFailed).toBe(3);
    expect(done.checkpoint.counts.activityFilled).toBe(hidden.length - 3);
    expect(done.activity?.earlyStopped).toBe(true);
    // The early pass stopped at the first broken user and did not ask it again on later slices.
    expect(asked.get(hidden[1] ?? '')).toBe(2); // once by the early pass, once by the final pass
    expect(asked.get(hidden[3] ?? '')).toBe(1);
  });

  it('converges when consumers are killed in either stream', async () => {
    const w = makeWorld({ pagesPerSlice: 5, fallbackCallsPerSlice: 30, fallbackBatch: 7 });
    populate(w, sizes);
    await startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps);
    let delivery = 0;
    const { kills } = await drain(w, { killAt: () => (delivery++ % 3 === 0 ? 1 + (delivery % 13) : null) });
    expect(kills).toBeGreaterThan(3);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('parks the activity stream at its own chain budget, and the tick resumes it with a new chain', async () => {
    const w = makeWorld({ fallbackCallsPerSlice: 10, fallbackBatch: 5, chainBudget: 4, earlyActivity: false });
    populate(w, { users: 300, hidden: 0.3, seed: 3 });
    const { id } = await startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps);
    const { outcomes } = await drain(w);
    expect(outcomes).toContainEqual({ kind: 'parked', slice: 4 });
    expect(outcomes).toContainEqual({ kind: 'stream-done', stream: 'sync' });
    const parked = (await w.runs.get(id))!;
    expect(parked).toMatchObject({ status: 'running', phase: 'finish', activity: { parked: true, chainPushes: 4, slice: 4 } });
    const stale = { kind: 'sync-activity', runId: id, slice: 3 } as const;
    expect(await runSyncSlice(stale, w.syncDeps, budgetOf(w))).toEqual({ kind: 'ignored', reason: 'parked' });
    for (let resumed = parked; resumed.status === 'running'; resumed = (await w.runs.get(id))!) {
      await resumeSync(resumed, w.syncDeps);
      await drain(w);
    }
    const done = (await w.runs.get(id))!;
    expect(done.status).toBe('succeeded');
    expect(done.checkpoint.counts.activityFilled).toBe(w.directory.hiddenActivity.size);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('ignores an activity message for a run without last-active', async () => {
    const w = makeWorld();
    populate(w, { users: 50 });
    const { id } = await startSync({ trigger: 'manual', actor: SYSTEM, dataTypes: ['users'] }, w.startDeps);
    expect(w.queue.pending.map((p) => p.message.kind)).toEqual(['sync']);
    const stray = { kind: 'sync-activity', runId: id, slice: 0 } as const;
    expect(await runSyncSlice(stray, w.syncDeps, budgetOf(w))).toEqual({ kind: 'ignored', reason: 'no-stream' });
  });
});
