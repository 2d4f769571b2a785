import { hourlyTick } from '../../../../src/domain/usecases/sync/hourlyTick';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { healStalledJobs } from '../../../../src/domain/usecases/bulk/healStalledJobs';
import { planBulk } from '../../../../src/domain/usecases/bulk/planBulk';
import { runBulkSlice } from '../../../../src/domain/usecases/bulk/runBulkSlice';
import { startBulk } from '../../../../src/domain/usecases/bulk/startBulk';
import { listJobs } from '../../../../src/domain/usecases/jobs/listJobs';
import { makeWorld } from '../sync/world';
import { admin, bulkDeps, plenty, type TestDeps } from './bulkSupport';

const MINUTE = 60_000;
const later = (deps: TestDeps, ms: number): void => {
  deps.clock.set(new Date(deps.clock.now().getTime() + ms));
};
const deactivate = (accountIds: string[]) => ({ action: { type: 'deactivate' as const }, selection: { kind: 'accounts' as const, accountIds } });

describe('Jobs view (B3): listJobs', () => {
  it('lists bulk jobs and syncs together, newest first, with who started each by name', async () => {
    const w = makeWorld({}, new Date('2025-06-15T11:00:00Z'));
    const sync = await startSync({ trigger: 'manual', actor: admin, dataTypes: ['users'], groupIds: [] }, w.startDeps);
    const deps = bulkDeps();
    deps.users.rows.set('me', { ...deps.users.rows.get('u-managed')!, accountId: 'me', name: 'Ada Admin' });
    const first = await startBulk(deactivate(['u-managed']), admin, deps);
    await runBulkSlice({ kind: 'bulk-action', jobId: first.jobId, slice: 0 }, plenty, deps);
    later(deps, MINUTE);
    const second = await startBulk(deactivate(['u-off']), { kind: 'admin', accountId: 'someone-gone' }, deps);
    const items = await listJobs(10, { ...deps, runs: { history: () => Promise.resolve([sync]) } });
    expect(items.map((i) => [i.kind, i.kind === 'sync' ? i.runId : i.jobId])).toEqual([
      ['bulk-action', second.jobId],
      ['bulk-action', first.jobId],
      ['sync', sync.id],
    ]);
    expect(items[0]).toMatchObject({ status: 'queued', createdBy: 'someone-gone', createdByName: null, total: 1 });
    expect(items[1]).toMatchObject({ status: 'succeeded', createdByName: 'Ada Admin', succeeded: 1, percent: 100, action: { type: 'deactivate' } });
    expect(items[2]).toMatchObject({ kind: 'sync', status: 'running', trigger: 'manual', dataTypes: ['users'], createdByName: 'Ada Admin' });
    expect(await listJobs(2, { ...deps, runs: { history: () => Promise.resolve([sync]) } })).toHaveLength(2);
  });
});

describe('Retry failed users (B3)', () => {
  it('plans the same action again over the users the job failed, and only those', async () => {
    const deps = bulkDeps();
    const job = await startBulk(deactivate(['u-managed', 'u-external', 'u-vip']), admin, deps);
    deps.directory.failWith.set('u-managed', new Error('x'));
    await runBulkSlice({ kind: 'bulk-action', jobId: job.jobId, slice: 0 }, plenty, deps);
    const plan = await planBulk({ action: job.action, selection: { kind: 'failed-in-job', jobId: job.jobId }, itemsLimit: 10 }, deps);
    expect(plan.items.map((i) => [i.accountId, i.decision])).toEqual([['u-managed', 'will-change']]);
    deps.directory.failWith.clear();
    const retry = await startBulk({ action: job.action, selection: { kind: 'failed-in-job', jobId: job.jobId } }, admin, deps);
    expect(retry).toMatchObject({ total: 1, status: 'queued' });
    expect(await deps.jobs.pendingItems(retry.jobId, 10)).toEqual(['u-managed']);
  });

  it('refuses another action over the failed users of a job, and an unknown job', async () => {
    const deps = bulkDeps();
    const job = await startBulk(deactivate(['u-managed']), admin, deps);
    const retryWith = (action: Parameters<typeof planBulk>[0]['action'], jobId = job.jobId) =>
      planBulk({ action, selection: { kind: 'failed-in-job', jobId }, itemsLimit: 10 }, deps);
    await expect(retryWith({ type: 'reactivate' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ messageKey: 'validation.bulk.retry-other-action' }] },
    });
    await expect(retryWith({ type: 'deactivate' }, 'no-such-job')).rejects.toMatchObject({
      details: { issues: [{ messageKey: 'validation.bulk.no-such-job' }] },
    });
    await runBulkSlice({ kind: 'bulk-action', jobId: job.jobId, slice: 0 }, plenty, deps);
    await expect(startBulk({ action: { type: 'reactivate' }, selection: { kind: 'failed-in-job', jobId: job.jobId } }, admin, deps)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('healing stalled bulk jobs', () => {
  it('pushes the continuation of a job that has not moved for the stall period, once, and leaves the others', async () => {
    const deps = bulkDeps();
    const stalled = await startBulk(deactivate(['u-managed']), admin, deps);
    later(deps, 19 * MINUTE);
    expect(await healStalledJobs(deps)).toEqual([]);
    later(deps, 2 * MINUTE);
    expect(await healStalledJobs(deps)).toEqual([stalled.jobId]);
    expect(deps.queue.pushed.map((p) => p.message)).toEqual([
      { kind: 'bulk-action', jobId: stalled.jobId, slice: 0 },
      { kind: 'bulk-action', jobId: stalled.jobId, slice: 0 },
    ]);
    expect((await deps.jobs.get(stalled.jobId))?.updatedAt).toEqual(deps.clock.now());
    expect(await healStalledJobs(deps)).toEqual([]);
    await runBulkSlice({ kind: 'bulk-action', jobId: stalled.jobId, slice: 0 }, plenty, deps);
    later(deps, 60 * MINUTE);
    expect(await healStalledJobs(deps)).toEqual([]);
  });

  it('neither pushes nor rewinds a job that a slice moved or finished after the stalled list was read', async () => {
    const deps = bulkDeps();
    const { jobId } = await startBulk(deactivate(['u-managed']), admin, deps);
    later(deps, 21 * MINUTE);
    const stalled = deps.jobs.stalled.bind(deps.jobs);
    deps.jobs.stalled = async (kind, before) => {
      const listed = await stalled(kind, before);
      await runBulkSlice({ kind: 'bulk-action', jobId, slice: 0 }, plenty, deps);
      return listed;
    };
    expect(await healStalledJobs(deps)).toEqual([]);
    expect((await deps.jobs.get(jobId))?.status).toBe('succeeded');
    expect(deps.queue.pushed).toHaveLength(1);
  });

  it('is part of the hourly tick', async () => {
    const w = makeWorld();
    const deps = bulkDeps();
    const job = await startBulk(deactivate(['u-managed']), admin, deps);
    const stored = await deps.jobs.get(job.jobId);
    await w.jobs.create({ ...stored!, updatedAt: new Date(w.clock.now().getTime() - 30 * MINUTE) }, ['u-managed']);
    const summary = await hourlyTick(w.tickDeps);
    expect(summary.jobsHealed).toBe(1);
    expect(w.queue.pushed.map((q) => q.message)).toContainEqual({ kind: 'bulk-action', jobId: job.jobId, slice: 0 });
  });
});
