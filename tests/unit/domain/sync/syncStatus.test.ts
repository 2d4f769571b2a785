import { getSyncHistory, getSyncStatus } from '../../../../src/domain/usecases/sync/syncStatus';
import { startSync } from '../../../../src/domain/usecases/sync/startSync';
import { runSyncSlice } from '../../../../src/domain/usecases/sync/runSyncSlice';
import { budgetOf, drain } from './driver';
import { makeWorld, populate } from './fakes';

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

  it('has no percentage while the size of the org is unknown', async () => {
    const w = makeWorld();
    populate(w, { users: 10 });
    await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
    expect(await getSyncStatus(w)).toMatchObject({ estimatedTotal: null, percent: null, processed: 0 });
  });
});
