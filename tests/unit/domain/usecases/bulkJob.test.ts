import { DomainError } from '../../../../src/domain/model/errors';
import { bulkResults, bulkStatus } from '../../../../src/domain/usecases/bulk/bulkStatus';
import { startBulk } from '../../../../src/domain/usecases/bulk/startBulk';
import { runBulkSlice } from '../../../../src/domain/usecases/bulk/runBulkSlice';
import { admin, bulkDeps, plenty } from './bulkSupport';

const deactivate = { action: { type: 'deactivate' as const }, selection: { kind: 'accounts' as const, accountIds: ['u-managed', 'u-vip', 'u-off'] } };

describe('bulk job (B3)', () => {
  it('creates a queued job with one item per planned user, its spec and its first slice', async () => {
    const deps = bulkDeps();
    const job = await startBulk(deactivate, admin, deps);
    expect(job).toMatchObject({ status: 'queued', total: 3, processed: 0, percent: 0, createdBy: 'me', action: { type: 'deactivate' } });
    expect(await deps.jobs.pendingItems(job.jobId, 10)).toEqual(['u-managed', 'u-off', 'u-vip']);
    expect((await deps.jobs.get(job.jobId))?.spec).toEqual({ kind: 'bulk-action', action: { type: 'deactivate' }, actor: admin });
    expect(deps.queue.pushed).toEqual([{ message: { kind: 'bulk-action', jobId: job.jobId, slice: 0 }, delaySeconds: 0 }]);
    expect((await deps.jobs.current('bulk-action'))?.id).toBe(job.jobId);
    expect(deps.lock.leases.size).toBe(0);
  });

  it('runs one bulk action at a time: LOCK_HELD while one runs or is being created', async () => {
    const deps = bulkDeps();
    const first = await startBulk(deactivate, admin, deps);
    await expect(startBulk(deactivate, admin, deps)).rejects.toMatchObject({ code: 'LOCK_HELD' });
    await runBulkSlice({ kind: 'bulk-action', jobId: first.jobId, slice: 0 }, plenty, deps);
    await expect(startBulk(deactivate, admin, deps)).resolves.toMatchObject({ status: 'queued' });
    deps.lock.hold('bulk-start', 'another-click');
    await expect(startBulk(deactivate, admin, deps)).rejects.toMatchObject({ code: 'LOCK_HELD' });
  });

  it("releases only its own start lease: a click that took the lock after it expired keeps it", async () => {
    const deps = bulkDeps();
    const create = deps.jobs.create.bind(deps.jobs);
    deps.jobs.create = (...args) => {
      deps.lock.hold('bulk-start', 'a-later-click');
      return create(...args);
    };
    await expect(startBulk(deactivate, admin, deps)).resolves.toMatchObject({ status: 'queued' });
    expect(deps.lock.holder('bulk-start')).toBe('a-later-click');
  });

  it('fails the job when its first slice cannot be queued', async () => {
    const deps = bulkDeps();
    deps.queue.failNext = Number.POSITIVE_INFINITY;
    deps.queue.failure = new DomainError('UPSTREAM_FAILED', 'queue down');
    await expect(startBulk(deactivate, admin, deps)).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
    const [job] = [...deps.jobs.jobs.values()];
    expect(job?.status).toBe('failed');
    expect(await deps.jobs.current('bulk-action')).toBeNull();
  });

  it('reports progress by id or for the running job, and only reads: a stalled job is left to the hourly tick', async () => {
    const deps = bulkDeps();
    expect(await bulkStatus(undefined, deps)).toBeNull();
    await expect(bulkStatus('nope', deps)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const job = await startBulk(deactivate, admin, deps);
    expect(await bulkStatus(undefined, deps)).toMatchObject({ jobId: job.jobId, status: 'queued' });
    const stored = await deps.jobs.get(job.jobId);
    deps.clock.set(new Date(deps.clock.now().getTime() + 21 * 60 * 1000));
    expect(await bulkStatus(job.jobId, deps)).toMatchObject({ updatedAt: stored?.updatedAt });
    expect(await bulkStatus(undefined, deps)).toMatchObject({ jobId: job.jobId });
    expect(deps.queue.pushed).toHaveLength(1);
    expect(await deps.jobs.get(job.jobId)).toEqual(stored);
  });

  it('finds the running job by query after the page is reloaded, the newest when an older one never finished', async () => {
    const deps = bulkDeps();
    const older = await startBulk(deactivate, admin, deps);
    await runBulkSlice({ kind: 'bulk-action', jobId: older.jobId, slice: 0 }, plenty, deps);
    expect(await bulkStatus(undefined, deps)).toBeNull();
    deps.clock.set(new Date(deps.clock.now().getTime() + 1000));
    const newer = await startBulk(deactivate, admin, deps);
    expect(await bulkStatus(undefined, deps)).toMatchObject({ jobId: newer.jobId, status: 'queued', action: { type: 'deactivate' } });
  });

  it('lists per-user results with names and translation keys', async () => {
    const deps = bulkDeps();
    const job = await startBulk(deactivate, admin, deps);
    deps.directory.failWith.set('u-managed', new Error('x'));
    await runBulkSlice({ kind: 'bulk-action', jobId: job.jobId, slice: 0 }, plenty, deps);
    const results = await bulkResults({ jobId: job.jobId, limit: 10, after: null }, deps);
    expect(results.items).toEqual([
      { accountId: 'u-managed', name: 'Managed', email: expect.any(String) as unknown, outcome: 'failed', reason: 'INTERNAL', messageKey: 'errors.INTERNAL' },
      expect.objectContaining({ accountId: 'u-vip', outcome: 'skipped', messageKey: 'bulk.reasons.protected' }),
      expect.objectContaining({ accountId: 'u-off', outcome: 'skipped', messageKey: 'bulk.reasons.already-deactivated' }),
    ]);
    expect(await bulkStatus(job.jobId, deps)).toMatchObject({ status: 'failed', percent: 100 });
    await expect(bulkResults({ jobId: 'nope', limit: 10, after: null }, deps)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
