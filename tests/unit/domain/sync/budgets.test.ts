import { DomainError } from '../../../../src/domain/model/errors';
import {
  defaultSyncLimits,
  estimateChainPushes,
  rateLimitDelay,
  retryDelay,
} from '../../../../src/domain/usecases/sync/budget';
import { resumeSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { runSyncSlice } from '../../../../src/domain/usecases/sync/runSlice';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { budgetOf, dbState, directoryState, drain } from './driver';
import { makeWorld, populate, type World } from './world';

const SYSTEM = { kind: 'system' } as const;
const start = async (w: World) => (await startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps)).id;
const org100k = { users: 100_000, groups: 5_000, directories: 1, projectRoleMembers: 100_000, customers: 100_000 };

describe('sync budgets (ARCHITECTURE §5)', () => {
  it('stays far below 1000 chained pushes for 100,000 users, even if every user needs the fallback', () => {
    expect(estimateChainPushes({ ...org100k, unknownActivity: 1_000 })).toBeLessThanOrEqual(30);
    expect(estimateChainPushes({ ...org100k, unknownActivity: 100_000 })).toBeLessThanOrEqual(80);
    expect(estimateChainPushes({ ...org100k, directories: 5, unknownActivity: 100_000 })).toBeLessThan(1000);
  });

  it('makes no more pushes than the estimate says, measured on a run', async () => {
    const limits = { pagesPerSlice: 4, fallbackCallsPerSlice: 25 };
    const w = makeWorld(limits);
    populate(w, { users: 3_000, groups: 250, hidden: 0.1, roleMembers: 640, customers: 380 });
    await start(w);
    await drain(w);
    const estimate = estimateChainPushes(
      { users: 3_000, groups: 250, directories: 1, unknownActivity: w.directory.hiddenActivity.size, projectRoleMembers: 640, customers: 380 },
      { ...defaultSyncLimits, ...limits },
    );
    expect(w.queue.pushed.length).toBeLessThanOrEqual(estimate);
    // Site pages read alongside the fallback (siteLane.ts), and fallback calls made during the walk
    // (earlyActivity.ts), share slices: fewer than the bound, which counts every phase apart.
    expect(w.queue.pushed.length).toBeGreaterThan(estimate / 3);
  });

  it('syncs 100,000 users with default limits in a chain of fewer than 20 pushes', async () => {
    const w = makeWorld();
    populate(w, { users: 100_000, groups: 300, hidden: 0.002, roleMembers: 2_000, customers: 1_000, seed: 2 });
    const id = await start(w);
    const { outcomes } = await drain(w);
    expect((await w.runs.get(id))?.status).toBe('succeeded');
    expect(w.queue.pushed.length).toBeLessThan(20);
    expect(outcomes.at(-1)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(w.tables.users.size).toBe(100_000);
    expect(w.directory.calls.searchUsers).toBe(1_000);
  }, 60_000);

  it('sends only ids in each message, far below the 100 KB event limit', async () => {
    const w = makeWorld({ pagesPerSlice: 1 });
    populate(w, { users: 400 });
    await start(w);
    await drain(w);
    for (const { message } of w.queue.pushed) {
      expect(Object.keys(message).sort()).toEqual(['kind', 'runId', 'slice']);
      expect(JSON.stringify(message).length).toBeLessThan(200);
    }
  });

  it('pushes its continuation when the remaining time drops under the safety margin', async () => {
    const w = makeWorld({ safetyMarginMs: 60_000 });
    populate(w, { users: 2_000 });
    w.directory.callMs = 10_000;
    await start(w);
    const first = w.queue.takeNext()!;
    const outcome = await runSyncSlice(first.message as never, w.syncDeps, budgetOf(w, 180_000));
    expect(outcome).toEqual({ kind: 'continued', slice: 1, delaySeconds: 0 });
    expect(w.directory.calls.searchUsers + w.directory.calls.searchGroups).toBeLessThanOrEqual(11);
    await drain(w, { sliceMs: 180_000 });
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('parks the run when its chain budget is spent, and a resume starts a new chain', async () => {
    const w = makeWorld({ pagesPerSlice: 2, chainBudget: 4 });
    populate(w, { users: 1_200 });
    const id = await start(w);
    const { outcomes } = await drain(w);
    expect(outcomes.at(-1)).toEqual({ kind: 'parked', slice: 4 });
    const parked = (await w.runs.get(id))!;
    expect(parked).toMatchObject({ status: 'running', checkpoint: { parked: true, chainPushes: 4 } });
    const stale = { kind: 'sync', runId: id, slice: 3 } as const;
    expect(await runSyncSlice(stale, w.syncDeps, budgetOf(w))).toEqual({ kind: 'ignored', reason: 'parked' });
    for (let resumed = parked; resumed.status === 'running'; resumed = (await w.runs.get(id))!) {
      await resumeSync(resumed, w.syncDeps);
      await drain(w);
    }
    expect((await w.runs.get(id))?.status).toBe('succeeded');
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('derives delays from the error and keeps them within 1..900 s', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const l = defaultSyncLimits;
    expect(rateLimitDelay(new DomainError('RATE_LIMITED', 'x', { retryAt: '2025-01-01T00:00:42.5Z' }), now, l)).toBe(43);
    expect(rateLimitDelay(new DomainError('RATE_LIMITED', 'x', { retryAfterSeconds: 5000 }), now, l)).toBe(900);
    expect(rateLimitDelay(new DomainError('RATE_LIMITED', 'x', { retryAt: '2024-12-31T00:00:00Z' }), now, l)).toBe(1);
    expect(rateLimitDelay(new DomainError('RATE_LIMITED', 'x', { retryAt: 'soon' }), now, l)).toBe(60);
    expect(rateLimitDelay(new Error('x'), now, l)).toBe(60);
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelay(a, l))).toEqual([30, 60, 120, 240, 480, 900]);
  });
});
