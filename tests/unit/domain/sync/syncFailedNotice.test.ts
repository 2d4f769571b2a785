import { DomainError } from '../../../../src/domain/model/errors';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { sendSyncFailedNotice } from '../../../../src/domain/usecases/sync/syncFailedNotice';
import { drain } from './driver';
import { makeWorld, populate, type World } from './world';

const HOUR = 60 * 60 * 1000;

/** Runs one sync to its end; the key is refused on the second users page when `refuse` is set. */
const runSync = async (w: World, refuse: string | null) => {
  w.directory.fault = (call, n) => {
    if (refuse !== null && call === 'searchUsers' && n === 2) throw new DomainError('API_KEY_REJECTED', '401');
  };
  w.clock.advance(HOUR);
  w.directory.calls.searchUsers = 0;
  const { id } = await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
  await drain(w);
  return (await w.runs.get(id))!;
};

describe('sync-failed webhook (S7)', () => {
  it('announces a failed run once per failure streak, with the run and its code', async () => {
    const w = makeWorld();
    populate(w, { users: 300 });
    const first = await runSync(w, 'API_KEY_REJECTED');
    expect(first.status).toBe('failed');
    expect(w.notifier.sent).toEqual([
      { trigger: 'sync-failed', key: `sync-failed:${first.id}`, run: { id: first.id, trigger: 'schedule', startedAt: first.startedAt, failureCode: 'API_KEY_REJECTED' } },
    ]);
    await runSync(w, 'API_KEY_REJECTED');
    expect(w.notifier.sent).toHaveLength(1);
    expect((await runSync(w, null)).status).toBe('succeeded');
    const again = await runSync(w, 'API_KEY_REJECTED');
    expect(w.notifier.sent.map((e) => e.key)).toEqual([`sync-failed:${first.id}`, `sync-failed:${again.id}`]);
  });

  it('does not announce a failure again when only a cancelled run came after the last one with its code', async () => {
    const w = makeWorld();
    populate(w, { users: 300 });
    const first = await runSync(w, 'API_KEY_REJECTED');
    const cancelled = { ...first, id: 'cancelled-run', status: 'cancelled' as const, startedAt: new Date(first.startedAt.getTime() + HOUR) };
    const next = { ...first, id: 'next-run', startedAt: new Date(first.startedAt.getTime() + 2 * HOUR) };
    const history = () => Promise.resolve([next, cancelled, first]);
    await sendSyncFailedNotice(next, { runs: { history }, notifier: w.notifier });
    expect(w.notifier.sent.map((e) => e.key)).toEqual([`sync-failed:${first.id}`]);
  });

  it('keeps the run\'s outcome when the notice cannot be queued', async () => {
    const w = makeWorld();
    populate(w, { users: 300 });
    w.notifier.failNext = 5;
    const run = await runSync(w, 'API_KEY_REJECTED');
    expect([run.status, run.checkpoint.failureReason]).toEqual(['failed', 'API_KEY_REJECTED']);
    expect(w.lock.isHeld('sync')).toBe(false);
    expect(w.notifier.sent).toEqual([]);
  });
});
