import { DomainError } from '../../../../src/domain/model/errors';
import { healStalledJobs } from '../../../../src/domain/usecases/bulk/healStalledJobs';
import { runBulkSlice } from '../../../../src/domain/usecases/bulk/runBulkSlice';
import { startBulk } from '../../../../src/domain/usecases/bulk/startBulk';
import { admin, bulkDeps, plenty, type TestDeps } from './bulkSupport';

const deactivate = (deps: TestDeps, accountIds: string[]) =>
  startBulk({ action: { type: 'deactivate' }, selection: { kind: 'accounts', accountIds } }, admin, deps);

/** A deactivate job whose items an earlier delivery started (so each batch reads the users live first). */
const startedJob = async (deps: TestDeps, accountIds: string[]): Promise<string> => {
  const { jobId } = await deactivate(deps, accountIds);
  const method = (id: string) => (deps.users.rows.get(id)?.managed === false ? 'directory-suspend' : 'lifecycle-disable');
  await deps.jobs.recordIntents(jobId, accountIds.map((accountId) => ({ accountId, method: method(accountId), groupIds: [], before: null })));
  return jobId;
};
const slice = (deps: TestDeps, jobId: string, n: number) => runBulkSlice({ kind: 'bulk-action', jobId, slice: n }, plenty, deps);

describe('a bulk job whose slice keeps failing ends after its last attempt (issue 16)', () => {
  it('backs off, then fails every user not done with the code, audits each, and frees the way for a new job', async () => {
    const deps = bulkDeps();
    const jobId = await startedJob(deps, ['u-managed', 'u-external', 'u-off']);
    deps.directory.readFailure = new DomainError('UPSTREAM_FAILED', 'bad gateway');
    const outcomes = [];
    for (let n = 0; n < 5; n += 1) outcomes.push(await slice(deps, jobId, n));
    expect(outcomes).toEqual([
      { kind: 'continued', slice: 1, delaySeconds: 30 },
      { kind: 'continued', slice: 2, delaySeconds: 60 },
      { kind: 'continued', slice: 3, delaySeconds: 120 },
      { kind: 'continued', slice: 4, delaySeconds: 240 },
      { kind: 'finished', status: 'failed' },
    ]);
    expect(deps.queue.pushed.map((p) => p.delaySeconds)).toEqual([0, 30, 60, 120, 240]);
    expect(await deps.jobs.get(jobId)).toMatchObject({ status: 'failed', processed: 3, failed: 3, attempts: 5, phase: 'done' });
    expect((await deps.jobs.results(jobId, 10, null)).items.map((r) => [r.accountId, r.outcome, r.reason]).sort()).toEqual([
      ['u-external', 'failed', 'UPSTREAM_FAILED'],
      ['u-managed', 'failed', 'UPSTREAM_FAILED'],
      ['u-off', 'failed', 'UPSTREAM_FAILED'],
    ]);
    expect(deps.audit.list.map((e) => [e.targetAccountId, e.action, e.outcome, e.reason, e.jobId])).toEqual([
      ['u-external', 'user.deactivate', 'failed', 'UPSTREAM_FAILED', jobId],
      ['u-managed', 'user.deactivate', 'failed', 'UPSTREAM_FAILED', jobId],
      ['u-off', 'user.deactivate', 'failed', 'UPSTREAM_FAILED', jobId],
    ]);
    expect(deps.directory.calls).toEqual([]);
    expect(await deps.jobs.current('bulk-action')).toBeNull();
    expect(await slice(deps, jobId, 5)).toEqual({ kind: 'ignored', reason: 'finished' });
    await expect(deactivate(deps, ['u-managed'])).resolves.toMatchObject({ status: 'queued' });
  });

  it('counts attempts in a row: a batch that records users resets the count', async () => {
    const deps = bulkDeps();
    deps.limits = { maxAttempts: 2, batchSize: 1, itemsPerSlice: 1 };
    const jobId = await startedJob(deps, ['u-managed', 'u-external']);
    const failure = new DomainError('UPSTREAM_FAILED', 'bad gateway');
    deps.directory.readFailure = failure;
    expect(await slice(deps, jobId, 0)).toEqual({ kind: 'continued', slice: 1, delaySeconds: 30 });
    deps.directory.readFailure = null;
    expect(await slice(deps, jobId, 1)).toEqual({ kind: 'continued', slice: 2, delaySeconds: 0 });
    expect(await deps.jobs.get(jobId)).toMatchObject({ status: 'running', processed: 1, attempts: 0 });
    deps.directory.readFailure = failure;
    expect(await slice(deps, jobId, 2)).toEqual({ kind: 'continued', slice: 3, delaySeconds: 30 });
    expect(await slice(deps, jobId, 3)).toEqual({ kind: 'finished', status: 'partially-failed' });
    expect((await deps.jobs.results(jobId, 10, null)).items.map((r) => [r.accountId, r.outcome, r.reason]).sort()).toEqual([
      ['u-external', 'succeeded', null],
      ['u-managed', 'failed', 'UPSTREAM_FAILED'],
    ]);
  });

  it('counts a change nobody can judge (5xx, then the live read fails too) and a storage failure as attempts', async () => {
    const deps = bulkDeps();
    deps.limits = { maxAttempts: 2 };
    const { jobId } = await deactivate(deps, ['u-managed']);
    deps.directory.failWith.set('u-managed', new DomainError('UPSTREAM_FAILED', 'gateway time-out'));
    deps.directory.readFailure = new DomainError('UPSTREAM_FAILED', 'bad gateway');
    expect(await slice(deps, jobId, 0)).toEqual({ kind: 'continued', slice: 1, delaySeconds: 30 });
    deps.directory.failWith.clear();
    deps.directory.readFailure = null;
    deps.users.getMany = () => Promise.reject(new DomainError('STORAGE_LIMIT', 'SQL timed out'));
    expect(await slice(deps, jobId, 1)).toEqual({ kind: 'finished', status: 'failed' });
    expect((await deps.jobs.results(jobId, 10, null)).items).toEqual([{ accountId: 'u-managed', outcome: 'failed', reason: 'STORAGE_LIMIT' }]);
    expect(deps.directory.calls).toEqual(['disable u-managed']);
  });

  it('counts a stall the hourly tick heals as an attempt: slices that keep dying without a typed error end the job', async () => {
    const deps = bulkDeps();
    deps.limits = { maxAttempts: 3 };
    const jobId = await startedJob(deps, ['u-managed', 'u-external']);
    const crash = (): Promise<never> => Promise.reject(new Error('the process died'));
    const getMany = deps.users.getMany.bind(deps.users);
    deps.users.getMany = crash;
    for (let heal = 1; heal <= 3; heal += 1) {
      await expect(slice(deps, jobId, 0)).rejects.toThrow('the process died');
      deps.clock.set(new Date(deps.clock.now().getTime() + 60 * 60_000));
      expect(await healStalledJobs(deps)).toEqual([jobId]);
      expect(await deps.jobs.get(jobId)).toMatchObject({ attempts: heal });
    }
    deps.users.getMany = getMany;
    expect(await slice(deps, jobId, 0)).toEqual({ kind: 'finished', status: 'failed' });
    expect((await deps.jobs.results(jobId, 10, null)).items.map((r) => [r.accountId, r.reason]).sort()).toEqual([
      ['u-external', 'INTERNAL'],
      ['u-managed', 'INTERNAL'],
    ]);
    expect(deps.directory.calls).toEqual([]);
    expect(await deps.jobs.current('bulk-action')).toBeNull();
  });
});
