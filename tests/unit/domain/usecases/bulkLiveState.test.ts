import { DomainError } from '../../../../src/domain/model/errors';
import { runBulkSlice } from '../../../../src/domain/usecases/bulk/runBulkSlice';
import { startBulk } from '../../../../src/domain/usecases/bulk/startBulk';
import { admin, bulkDeps, plenty, type TestDeps } from './bulkSupport';

/** A deactivate job whose items' intents an earlier delivery recorded (its calls may or may not have landed). */
const startedJob = async (deps: TestDeps, accountIds: string[]): Promise<string> => {
  const { jobId } = await startBulk({ action: { type: 'deactivate' }, selection: { kind: 'accounts', accountIds } }, admin, deps);
  const method = (id: string) => (deps.users.rows.get(id)?.managed === false ? 'directory-suspend' : 'lifecycle-disable');
  await deps.jobs.recordIntents(jobId, accountIds.map((accountId) => ({ accountId, method: method(accountId), groupIds: [], before: null })));
  return jobId;
};
const slice = (deps: TestDeps, jobId: string, n = 0) => runBulkSlice({ kind: 'bulk-action', jobId, slice: n }, plenty, deps);
const results = async (deps: TestDeps, jobId: string) => (await deps.jobs.results(jobId, 10, null)).items.map((r) => [r.accountId, r.outcome, r.reason]).sort();

describe('a started item is judged on the live directory (issue 16)', () => {
  it('counts a change already in the directory as made, without a second call, even without a synced copy', async () => {
    const deps = bulkDeps();
    deps.directory.directories = ['dir-a', 'dir-b'];
    deps.directory.emptyDirectories.add('dir-a');
    deps.directory.searchPageSize = 1;
    const jobId = await startedJob(deps, ['u-managed', 'u-external', 'u-off']);
    const live = deps.directory.live;
    live.set('u-managed', { ...live.get('u-managed')!, accountStatus: 'inactive' });
    live.set('u-off', { ...live.get('u-off')!, accountStatus: 'inactive' });
    deps.users.rows.delete('u-off');

    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(deps.directory.calls).toEqual(['suspend dir-a u-external', 'suspend dir-b u-external']);
    expect(deps.directory.reads).toEqual(['search dir-a u-external,u-managed,u-off', 'search dir-b u-external,u-managed,u-off', 'search dir-b u-external,u-managed,u-off', 'search dir-b u-external,u-managed,u-off']);
    expect(await results(deps, jobId)).toEqual([['u-external', 'succeeded', null], ['u-managed', 'succeeded', null], ['u-off', 'succeeded', null]]);
    expect(deps.users.rows.get('u-managed')).toMatchObject({ accountStatus: 'inactive', billable: false });
    expect(deps.users.rows.get('u-off')).toMatchObject({ accountStatus: 'inactive' });
  });

  it('re-checks the live user before calling again: protected since, or gone from the directory, is skipped', async () => {
    const deps = bulkDeps();
    const jobId = await startedJob(deps, ['u-managed', 'u-external']);
    deps.settings.settings = { ...deps.settings.settings, protectedEmails: [deps.users.rows.get('u-managed')?.email ?? ''] };
    deps.directory.live.delete('u-external');
    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(deps.directory.calls).toEqual([]);
    expect(await results(deps, jobId)).toEqual([['u-external', 'skipped', 'left-org'], ['u-managed', 'skipped', 'protected']]);
  });

  it('follows the error policy when the live read fails: waits out a rate limit, stops on a rejected key', async () => {
    const deps = bulkDeps();
    const jobId = await startedJob(deps, ['u-managed']);
    deps.directory.readFailure = new DomainError('RATE_LIMITED', 'wait', { retryAfterSeconds: 30 });
    expect(await slice(deps, jobId)).toEqual({ kind: 'continued', slice: 1, delaySeconds: 30 });
    expect(await deps.jobs.itemCounts(jobId)).toMatchObject({ pending: 1 });
    deps.directory.readFailure = new DomainError('API_KEY_REJECTED', 'expired');
    expect(await slice(deps, jobId, 1)).toEqual({ kind: 'finished', status: 'failed' });
    expect(await results(deps, jobId)).toEqual([['u-managed', 'failed', 'API_KEY_REJECTED']]);
    expect(deps.directory.calls).toEqual([]);
  });

  it('counts any other failure of the live read as a failed attempt and tries again later, with backoff', async () => {
    const deps = bulkDeps();
    const jobId = await startedJob(deps, ['u-managed']);
    deps.directory.readFailure = new DomainError('UPSTREAM_FAILED', 'bad gateway');
    expect(await slice(deps, jobId)).toEqual({ kind: 'continued', slice: 1, delaySeconds: 30 });
    expect(await slice(deps, jobId, 1)).toEqual({ kind: 'continued', slice: 2, delaySeconds: 60 });
    expect(await deps.jobs.get(jobId)).toMatchObject({ status: 'running', attempts: 2 });
    deps.directory.readFailure = null;
    expect(await slice(deps, jobId, 2)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(deps.directory.calls).toEqual(['disable u-managed']);
    expect(await deps.jobs.get(jobId)).toMatchObject({ attempts: 0 });
  });
});

describe('a change the directory answered with 5xx or time-outs (UPSTREAM_FAILED)', () => {
  it('is read back from the live directory: made if it landed anyway, else failed', async () => {
    const deps = bulkDeps();
    const { jobId } = await startBulk({ action: { type: 'deactivate' }, selection: { kind: 'accounts', accountIds: ['u-managed', 'u-external'] } }, admin, deps);
    const bad = new DomainError('UPSTREAM_FAILED', 'gateway time-out');
    deps.directory.failWith.set('u-managed', bad).set('u-external', bad);
    // The disable reached the directory before its answer was lost; the suspend did not.
    deps.directory.live.set('u-managed', { ...deps.directory.live.get('u-managed')!, accountStatus: 'inactive' });
    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'partially-failed' });
    expect(await results(deps, jobId)).toEqual([['u-external', 'failed', 'UPSTREAM_FAILED'], ['u-managed', 'succeeded', null]]);
    expect(deps.users.rows.get('u-managed')?.accountStatus).toBe('inactive');
    expect(deps.audit.list.map((e) => [e.targetAccountId, e.outcome, e.reason])).toEqual([['u-external', 'failed', 'UPSTREAM_FAILED'], ['u-managed', 'succeeded', null]]);
  });

  it('stays started when the live read fails too: nobody can tell, so a later slice reads it again', async () => {
    const deps = bulkDeps();
    const { jobId } = await startBulk({ action: { type: 'deactivate' }, selection: { kind: 'accounts', accountIds: ['u-managed'] } }, admin, deps);
    deps.directory.failWith.set('u-managed', new DomainError('UPSTREAM_FAILED', 'bad gateway'));
    deps.directory.readFailure = new DomainError('UPSTREAM_FAILED', 'bad gateway');
    expect(await slice(deps, jobId)).toEqual({ kind: 'continued', slice: 1, delaySeconds: 30 });
    expect(await deps.jobs.get(jobId)).toMatchObject({ status: 'running', attempts: 1 });
    expect(await results(deps, jobId)).toEqual([]);
    expect(deps.audit.list).toEqual([]);
    // The disable had landed: the next slice reads it live and records it made, without calling again.
    deps.directory.readFailure = null;
    deps.directory.live.set('u-managed', { ...deps.directory.live.get('u-managed')!, accountStatus: 'inactive' });
    expect(await slice(deps, jobId, 1)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(await results(deps, jobId)).toEqual([['u-managed', 'succeeded', null]]);
    expect(deps.directory.calls).toEqual(['disable u-managed']);
  });
});

describe('a started item of a user protected by the synced address', () => {
  it('is skipped even when the live address is not protected', async () => {
    const deps = bulkDeps();
    const jobId = await startedJob(deps, ['u-managed']);
    const email = deps.users.rows.get('u-managed')?.email ?? '';
    deps.settings.settings = { ...deps.settings.settings, protectedEmails: [email] };
    deps.directory.live.set('u-managed', { ...deps.directory.live.get('u-managed')!, email: 'renamed@elsewhere.example' });
    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(deps.directory.calls).toEqual([]);
    expect(await results(deps, jobId)).toEqual([['u-managed', 'skipped', 'protected']]);
  });
});
