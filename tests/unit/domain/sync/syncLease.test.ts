import { DomainError } from '../../../../src/domain/model/errors';
import { syncRunSchema } from '../../../../src/domain/model/jobs';
import { SYNC_LOCK_TTL_SECONDS } from '../../../../src/domain/usecases/sync/budget';
import { syncLease } from '../../../../src/domain/usecases/sync/runLifecycle';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { drain } from './driver';
import { makeWorld, populate } from './world';

const SYSTEM = { kind: 'system' } as const;
const HOUR = 60 * 60 * 1000;

const codeOf = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'started',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe("the 'sync' lock lease (start to end of a run)", () => {
  it("carries the start's lease token in the checkpoint through every slice, and ends the run with it", async () => {
    const w = makeWorld({ pagesPerSlice: 3 });
    populate(w, { users: 800 });
    const run = await startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps);
    expect(run.checkpoint.lockToken).toBe(w.lock.holder('sync'));
    expect(syncLease(run)).toEqual({ name: 'sync', token: run.checkpoint.lockToken });
    const { outcomes } = await drain(w);
    expect(outcomes.filter((o) => o.kind === 'continued').length).toBeGreaterThan(1);
    const ended = (await w.runs.get(run.id))!;
    expect(ended).toMatchObject({ status: 'succeeded', checkpoint: { lockToken: run.checkpoint.lockToken } });
    expect(w.lock.isHeld('sync')).toBe(false);
  });

  it("does not free the lock of a later holder when a run ends after its lease expired", async () => {
    const w = makeWorld();
    populate(w, { users: 50 });
    const run = await startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps);
    w.clock.advance(SYNC_LOCK_TTL_SECONDS * 1000 + HOUR);
    expect(w.lock.isHeld('sync')).toBe(false);
    const later = await w.lock.acquire('sync', SYNC_LOCK_TTL_SECONDS);
    expect(later).not.toBeNull();

    await drain(w);
    expect((await w.runs.get(run.id))?.status).toBe('succeeded');
    expect(w.lock.holder('sync')).toBe(later?.token);
    expect(await codeOf(startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps))).toBe('LOCK_HELD');

    await w.lock.release(later!);
    expect(await codeOf(startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps))).toBe('started');
  });

  it('releases only its own lease when it refuses to start beside a run that outlived the lock', async () => {
    const w = makeWorld();
    populate(w, { users: 10 });
    const first = await startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps);
    w.clock.advance(SYNC_LOCK_TTL_SECONDS * 1000 + HOUR);
    expect(await codeOf(startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps))).toBe('LOCK_HELD');
    const later = await w.lock.acquire('sync', SYNC_LOCK_TTL_SECONDS);
    await drain(w);
    expect((await w.runs.get(first.id))?.status).toBe('succeeded');
    expect(w.lock.holder('sync')).toBe(later?.token);
  });

  it('refuses a checkpoint without the lease token (stored shapes have no pre-1.0 fallbacks)', async () => {
    const w = makeWorld();
    populate(w, { users: 10 });
    const run = await startSync({ trigger: 'schedule', actor: SYSTEM }, w.startDeps);
    const { lockToken: _dropped, ...withoutToken } = run.checkpoint;
    expect(syncRunSchema.safeParse({ ...run, checkpoint: withoutToken }).success).toBe(false);
    expect(syncRunSchema.safeParse({ ...run, checkpoint: { ...withoutToken, lockToken: '' } }).success).toBe(false);
  });
});
