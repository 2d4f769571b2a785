import fc from 'fast-check';
import { DomainError } from '../../../../src/domain/model/errors';
import { runSyncSlice } from '../../../../src/domain/usecases/sync/runSlice';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { budgetOf, dbState, directoryState, drain } from './driver';
import { makeWorld, populate, type World } from './world';

const SYSTEM = { kind: 'system' } as const;

const start = async (w: World) => (await startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps)).id;
const runOf = async (w: World, id: string) => (await w.runs.get(id))!;

describe('sync under faults (issue 5: resumable, idempotent)', () => {
  it('gives the same end state when every slice is delivered twice', async () => {
    const once = makeWorld({ pagesPerSlice: 3 });
    const twice = makeWorld({ pagesPerSlice: 3 });
    for (const w of [once, twice]) populate(w, { users: 900, seed: 11, hidden: 0.15 });
    const [a, b] = [await start(once), await start(twice)];
    await drain(once);
    const replayed = await drain(twice, { redeliver: true });
    const ignored = replayed.outcomes.filter((o) => o.kind === 'ignored').length;
    expect(ignored).toBeGreaterThan(3);
    // Every second delivery does nothing: ignored, or a stream that is done finding it done again.
    const repeats = replayed.outcomes.filter((_, i) => i % 2 === 1);
    expect(repeats.filter((o) => o.kind === 'ignored' || o.kind === 'stream-done')).toHaveLength(repeats.length);
    expect(dbState(twice)).toEqual(dbState(once));
    expect(dbState(twice)).toEqual(directoryState(twice));
    const [ra, rb] = [await runOf(once, a), await runOf(twice, b)];
    expect({ ...rb.checkpoint, savedAt: null }).toEqual({ ...ra.checkpoint, savedAt: null });
    expect(rb.apiCalls).toBe(ra.apiCalls);
    expect(twice.queue.pushed.length).toBe(once.queue.pushed.length);
  });

  it('property: a consumer killed at random points, every slice delivered twice, converges to the directory', async () => {
    let kills = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.option(fc.integer({ min: 1, max: 12 }), { freq: 3 }), { minLength: 5, maxLength: 40 }),
        async (seed, plan) => {
          const w = makeWorld({ pagesPerSlice: 2, fallbackBatch: 7, fallbackCallsPerSlice: 9 });
          populate(w, { users: 260, groups: 12, seed, hidden: 0.2, roleMembers: 230, customers: 120 });
          const id = await start(w);
          const drained = await drain(w, { redeliver: true, killAt: () => plan.shift() ?? null });
          kills += drained.kills;
          const run = await runOf(w, id);
          expect(run.status).toBe('succeeded');
          expect(dbState(w)).toEqual(directoryState(w));
          expect(w.lock.isHeld('sync')).toBe(false);
        },
      ),
      { numRuns: 50, seed: 20251115 },
    );
    expect(kills).toBeGreaterThan(100);
  });

  it('retries a failed push as an error of the slice', async () => {
    const w = makeWorld({ pagesPerSlice: 2 });
    populate(w, { users: 500 });
    const id = await start(w);
    w.queue.failNext = 1;
    expect(await runSyncSlice(w.queue.takeNext()!.message as never, w.syncDeps, budgetOf(w))).toEqual({
      kind: 'continued',
      slice: 1,
      delaySeconds: 30,
    });
    await drain(w);
    expect((await runOf(w, id)).status).toBe('succeeded');
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('re-pushes a continuation lost between saving the checkpoint and pushing (the slice is re-delivered)', async () => {
    const w = makeWorld({ pagesPerSlice: 2 });
    populate(w, { users: 500 });
    const id = await start(w);
    const first = w.queue.takeNext()!;
    w.queue.dieOnNextPush = true;
    await expect(runSyncSlice(first.message as never, w.syncDeps, budgetOf(w))).rejects.toThrow('consumer killed');
    w.power.revive();
    expect((await runOf(w, id)).checkpoint).toMatchObject({ slice: 1, continuationPushed: false });
    expect(w.queue.pending.filter((p) => p.message.kind === 'sync')).toHaveLength(0);
    const again = await runSyncSlice(first.message as never, w.syncDeps, budgetOf(w));
    expect(again).toEqual({ kind: 'continued', slice: 1, delaySeconds: 0 });
    expect(await runSyncSlice(first.message as never, w.syncDeps, budgetOf(w))).toEqual({ kind: 'ignored', reason: 'old-slice' });
    await drain(w);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('waits out RATE_LIMITED with a delayed continuation: no failure, no missing data', async () => {
    const w = makeWorld();
    populate(w, { users: 700, hidden: 0.1 });
    w.directory.fault = (call, n) => {
      const retryAt = new Date(w.clock.now().getTime() + 120_000).toISOString();
      if ((call === 'searchUsers' && (n === 3 || n === 4)) || (call === 'lastActiveDates' && n % 20 === 0)) {
        throw new DomainError('RATE_LIMITED', 'rate limited', { retryAt });
      }
    };
    const id = await start(w);
    const { outcomes } = await drain(w);
    const delays = outcomes.flatMap((o) => (o.kind === 'continued' && o.delaySeconds > 0 ? [o.delaySeconds] : []));
    expect(delays.length).toBeGreaterThanOrEqual(3);
    expect(delays.every((d) => d === 120)).toBe(true);
    const run = await runOf(w, id);
    expect(run.status).toBe('succeeded');
    expect(run.errors).toBe(0);
    expect(run.checkpoint.counts.rateLimited).toBe(delays.length);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('fails the run when the key is rejected, with that reason, and releases the lock', async () => {
    const w = makeWorld();
    populate(w, { users: 500 });
    w.directory.fault = (call, n) => {
      if (call === 'searchUsers' && n === 2) throw new DomainError('API_KEY_REJECTED', '401');
    };
    const id = await start(w);
    const { outcomes } = await drain(w);
    expect(outcomes.filter((o) => o.kind !== 'ignored').at(-1)).toEqual({ kind: 'failed', status: 'failed' });
    const run = await runOf(w, id);
    expect(run).toMatchObject({ status: 'failed', phase: 'users' });
    expect(run.checkpoint.failureReason).toBe('API_KEY_REJECTED');
    expect(run.finishedAt).not.toBeNull();
    expect(w.lock.isHeld('sync')).toBe(false);
    expect(w.audit.entries.get(`sync-${id}-end`)).toMatchObject({ outcome: 'failed', reason: 'API_KEY_REJECTED' });
    expect(dbState(w).left).toEqual([]); // an incomplete walk marks no one as left
  });

  it('retries other errors with growing delays, then fails the run after maxAttempts', async () => {
    const w = makeWorld({ maxAttempts: 4 });
    populate(w, { users: 300 });
    w.directory.fault = (call) => {
      if (call === 'searchGroups') throw new DomainError('UPSTREAM_FAILED', '503');
    };
    const id = await start(w);
    const { outcomes } = await drain(w);
    expect(outcomes.flatMap((o) => (o.kind === 'continued' ? [o.delaySeconds] : []))).toEqual([30, 60, 120]);
    const run = await runOf(w, id);
    expect(run).toMatchObject({ status: 'failed', errors: 4 });
    expect(run.checkpoint.failureReason).toBe('UPSTREAM_FAILED');
    expect(w.lock.isHeld('sync')).toBe(false);
  });

  it('recovers from a transient error: the attempt counter resets after a good step', async () => {
    const w = makeWorld({ maxAttempts: 2, earlyActivity: false }) // the fallback outage must fall in the activity phase;
    populate(w, { users: 600, hidden: 0.3 });
    let failures = 0;
    w.directory.fault = (call, n) => {
      if (call === 'searchUsers' && n % 2 === 0 && failures < 3) {
        failures += 1;
        throw new Error('socket hang up');
      }
    };
    w.directory.fault = ((inner) => (call: Parameters<typeof inner>[0], n: number, arg: string | null) => {
      if (call === 'lastActiveDates' && n <= 3) throw new DomainError('UPSTREAM_FAILED', '502');
      inner(call, n, arg);
    })(w.directory.fault);
    const id = await start(w);
    await drain(w);
    const run = await runOf(w, id);
    expect(run.status).toBe('succeeded');
    expect(run.errors).toBe(4);
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('ignores messages for runs that are finished, unknown, or for slices already done', async () => {
    const w = makeWorld();
    populate(w, { users: 50 });
    const id = await start(w);
    await drain(w);
    const budget = budgetOf(w);
    expect(await runSyncSlice({ kind: 'sync', runId: id, slice: 1 }, w.syncDeps, budget)).toEqual({ kind: 'ignored', reason: 'not-running' });
    expect(await runSyncSlice({ kind: 'sync', runId: 'nope', slice: 0 }, w.syncDeps, budget)).toEqual({ kind: 'ignored', reason: 'no-run' });
    const other = await start(w);
    expect(await runSyncSlice({ kind: 'sync', runId: other, slice: 5 }, w.syncDeps, budget)).toEqual({ kind: 'ignored', reason: 'old-slice' });
  });
});
