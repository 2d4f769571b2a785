import { DomainError } from '../../../../src/domain/model/errors';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { dbState, directoryState, drain } from './driver';
import { makeWorld, populate, type World } from './fakes';

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

describe('the fallback beside the users walk (earlyActivity.ts)', () => {
  it('reads unknown users while the walk is still going, each user once, and ends equal to the directory', async () => {
    const w = makeWorld({ pagesPerSlice: 200, fallbackCallsPerSlice: 500, fallbackBatch: 10 });
    populate(w, sizes);
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

  it('does not start the fallback during the walk when the lane is off, nor for a sync without last-active', async () => {
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

  it('hands a user it cannot read to the activity phase, which reads it again and counts it once', async () => {
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

  it('leaves users that always fail to the activity phase, interleaved as without the lane: partially failed, not an outage', async () => {
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
    expect(done.checkpoint.earlyActivityStopped).toBe(true);
    // The lane stopped at the first broken user and did not ask it again on later slices.
    expect(asked.get(hidden[1] ?? '')).toBe(2); // once by the lane, once by the activity phase
    expect(asked.get(hidden[3] ?? '')).toBe(1);
  });

  it('converges when consumers are killed in either lane', async () => {
    const w = makeWorld({ pagesPerSlice: 5, fallbackCallsPerSlice: 30, fallbackBatch: 7 });
    populate(w, sizes);
    await startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps);
    let delivery = 0;
    const { kills } = await drain(w, { killAt: () => (delivery++ % 3 === 0 ? 1 + (delivery % 13) : null) });
    expect(kills).toBeGreaterThan(3);
    expect(dbState(w)).toEqual(directoryState(w));
  });
});
