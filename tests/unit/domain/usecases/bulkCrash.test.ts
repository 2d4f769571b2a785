import { DomainError } from '../../../../src/domain/model/errors';
import type { User } from '../../../../src/domain/model/user';
import type { BulkAction } from '../../../../src/domain/policy/actionEligibility';
import { computePlan } from '../../../../src/domain/usecases/bulk/planBulk';
import { runBulkSlice } from '../../../../src/domain/usecases/bulk/runBulkSlice';
import { startBulk } from '../../../../src/domain/usecases/bulk/startBulk';
import { JIRA_SITE } from '../fixtures';
import { admin, bulkDeps, plenty, type TestDeps } from './bulkSupport';

const jira = { productKey: 'jira-software' as const, resourceId: JIRA_SITE };
const start = async (deps: TestDeps, action: BulkAction, accountIds: string[]): Promise<string> =>
  (await startBulk({ action, selection: { kind: 'accounts', accountIds } }, admin, deps)).jobId;
const slice = (deps: TestDeps, jobId: string) => runBulkSlice({ kind: 'bulk-action', jobId, slice: 0 }, plenty, deps);

/** The next call of `object[method]` dies (as the slice's process would), later calls work. */
const crashOnce = <T extends object>(object: T, method: keyof T & string): void => {
  const original = object[method] as (...args: unknown[]) => Promise<unknown>;
  const crashing = (): Promise<never> => {
    Object.assign(object, { [method]: original });
    return Promise.reject(new Error(`crashed in ${method}`));
  };
  Object.assign(object, { [method]: crashing });
};

/** The audit write of a batch dies, whichever method the executor writes item entries with. */
const crashAuditOnce = (deps: TestDeps): void => {
  const { append, writeItemEntries } = deps.audit;
  const die = (): Promise<never> => {
    Object.assign(deps.audit, { append, writeItemEntries });
    return Promise.reject(new Error('crashed in the audit write'));
  };
  Object.assign(deps.audit, { append: die, writeItemEntries: die });
};

const auditOf = (deps: TestDeps, accountId: string) => deps.audit.list.filter((e) => e.targetAccountId === accountId);

describe('bulk items after a crash: every change once, and results, audit and synced copy agree (issue 16)', () => {
  it('a retry that succeeds after a crash before the results write replaces the failed audit entry', async () => {
    const deps = bulkDeps();
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed']);
    deps.directory.failWith.set('u-managed', new DomainError('CONFLICT', 'try again', { apiCode: 'conflict' }));
    crashOnce(deps.jobs, 'recordResults');
    await expect(slice(deps, jobId)).rejects.toThrow('crashed');
    deps.directory.failWith.clear();

    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect((await deps.jobs.results(jobId, 10, null)).items).toEqual([{ accountId: 'u-managed', outcome: 'succeeded', reason: null }]);
    expect(auditOf(deps, 'u-managed').map((e) => [e.outcome, e.reason, e.details.apiCode ?? null])).toEqual([['succeeded', null, null]]);
    expect(deps.directory.live.get('u-managed')?.accountStatus).toBe('inactive');
    expect(deps.users.rows.get('u-managed')?.accountStatus).toBe('inactive');
  });

  it('a crash inside the audit write does not make the re-delivered slice call the directory again', async () => {
    const deps = bulkDeps();
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed', 'u-external', 'u-vip']);
    crashAuditOnce(deps);
    await expect(slice(deps, jobId)).rejects.toThrow('crashed');

    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(deps.directory.calls).toEqual(['suspend dir-1 u-external', 'disable u-managed']);
    expect(deps.audit.list.map((e) => [e.targetAccountId, e.outcome, e.details.method])).toEqual([
      ['u-external', 'succeeded', 'directory-suspend'],
      ['u-managed', 'succeeded', 'lifecycle-disable'],
      ['u-vip', 'skipped', null],
    ]);
    expect(deps.users.rows.get('u-managed')).toMatchObject({ accountStatus: 'inactive', billable: false });
    expect(deps.users.rows.get('u-external')).toMatchObject({ membershipStatus: 'suspended' });
  });

  it('a crash before the synced copy is updated leaves no stale copy: a reactivate plan then changes the users', async () => {
    const deps = bulkDeps();
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed', 'u-external']);
    crashOnce(deps.users, 'upsertMany');
    await expect(slice(deps, jobId)).rejects.toThrow('crashed');

    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(deps.users.rows.get('u-managed')?.accountStatus).toBe('inactive');
    const { plan } = await computePlan({ type: 'reactivate' }, { kind: 'accounts', accountIds: ['u-managed', 'u-external'] }, deps);
    expect(plan.items).toEqual([
      { accountId: 'u-managed', decision: 'will-change', method: 'lifecycle-enable', groupIds: [] },
      { accountId: 'u-external', decision: 'will-change', method: 'directory-restore', groupIds: [] },
    ]);
    expect(deps.directory.calls).toEqual(['suspend dir-1 u-external', 'disable u-managed']);
  });
});

/** Each change the executor makes, with the directory method that makes it. */
const changes: [string, BulkAction, string, string][] = [
  ['deactivate a managed account', { type: 'deactivate' }, 'u-managed', 'disable u-managed'],
  ['suspend an unmanaged account', { type: 'deactivate' }, 'u-external', 'suspend dir-1 u-external'],
  ['reactivate an account', { type: 'reactivate' }, 'u-off', 'enable u-off'],
  ['restore a suspended user', { type: 'reactivate' }, 'u-suspended', 'restore dir-1 u-suspended'],
  ['revoke a direct role', { type: 'revoke-product', ...jira }, 'u-direct', `revoke u-direct ${JIRA_SITE} atlassian/user`],
  ['remove from the granting group', { type: 'revoke-product', ...jira }, 'u-group', 'remove dir-1 jira-users u-group'],
  ['assign a role', { type: 'assign-product', ...jira }, 'u-managed', `assign u-managed ${JIRA_SITE} atlassian/user`],
];
/** Each write of an item's path; a death right after the call landed is the death at the audit write. */
const crashPoints = ['recordIntents', 'the audit write', 'upsertMany', 'recordResults', 'update'] as const;

const crashAt = (deps: TestDeps, point: (typeof crashPoints)[number]): void => {
  if (point === 'the audit write') crashAuditOnce(deps);
  else if (point === 'upsertMany') crashOnce(deps.users, point);
  else crashOnce(deps.jobs, point);
};

const accessOf = (u: { productAccess: { resourceId: string }[] } | undefined): string[] => (u?.productAccess ?? []).map((a) => a.resourceId).sort();
const stateOf = (u: User | undefined) =>
  u && { accountStatus: u.accountStatus, membershipStatus: u.membershipStatus, access: accessOf(u), groups: u.groups.map((g) => g.id) };

describe.each(changes)('%s, with the slice killed at each write and re-delivered', (_name, action, accountId, call) => {
  it.each(crashPoints)('killed at %s: one call; result, audit and synced copy agree with the directory', async (point) => {
    const deps = bulkDeps();
    const jobId = await start(deps, action, [accountId]);
    crashAt(deps, point);
    await expect(slice(deps, jobId)).rejects.toThrow('crashed');
    const again = await slice(deps, jobId);
    expect(again).toEqual({ kind: 'finished', status: 'succeeded' });

    expect(deps.directory.calls).toEqual([call]);
    expect((await deps.jobs.results(jobId, 10, null)).items).toEqual([{ accountId, outcome: 'succeeded', reason: null }]);
    expect(auditOf(deps, accountId).map((e) => [e.outcome, e.details.method])).toEqual([['succeeded', expect.any(String)]]);
    expect(stateOf(deps.users.rows.get(accountId))).toEqual(stateOf(deps.directory.live.get(accountId)));
  });
});
