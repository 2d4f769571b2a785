import { DomainError } from '../../../../src/domain/model/errors';
import type { SyncRun } from '../../../../src/domain/model/jobs';
import type { BulkAction } from '../../../../src/domain/policy/actionEligibility';
import { runBulkSlice } from '../../../../src/domain/usecases/bulk/runBulkSlice';
import { startBulk } from '../../../../src/domain/usecases/bulk/startBulk';
import { itemAuditId } from '../../../../src/domain/usecases/bulk/stableId';
import { JIRA_SITE } from '../fixtures';
import { admin, bulkDeps, plenty, type TestDeps } from './bulkSupport';

const jira = { productKey: 'jira-software', resourceId: JIRA_SITE };

const start = async (deps: TestDeps, action: BulkAction, accountIds: string[]): Promise<string> =>
  (await startBulk({ action, selection: { kind: 'accounts', accountIds } }, admin, deps)).jobId;
const slice = (deps: TestDeps, jobId: string, n = 0, budget = plenty) => runBulkSlice({ kind: 'bulk-action', jobId, slice: n }, budget, deps);

describe('bulk job slices (B3, B4)', () => {
  it('deactivates managed accounts, suspends unmanaged ones, audits every attempt and updates the synced copy', async () => {
    const deps = bulkDeps();
    deps.runs = { latest: () => Promise.resolve({ generation: 7 } as SyncRun) };
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed', 'u-external', 'u-vip']);
    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(deps.directory.calls).toEqual(['suspend dir-1 u-external', 'disable u-managed']);
    expect(deps.audit.list.map((e) => [e.targetAccountId, e.action, e.outcome, e.reason, e.details.method])).toEqual([
      ['u-external', 'user.suspend', 'succeeded', null, 'directory-suspend'],
      ['u-managed', 'user.deactivate', 'succeeded', null, 'lifecycle-disable'],
      ['u-vip', 'user.deactivate', 'skipped', 'protected', null],
    ]);
    expect(deps.users.rows.get('u-managed')).toMatchObject({ accountStatus: 'inactive', billable: false });
    expect(deps.users.rows.get('u-external')).toMatchObject({ membershipStatus: 'suspended' });
    expect(deps.users.upserts[0]?.generation).toBe(7);
    expect(await deps.jobs.get(jobId)).toMatchObject({ status: 'succeeded', processed: 3, succeeded: 2, skipped: 1, phase: 'done' });
    expect(await deps.jobs.current('bulk-action')).toBeNull();
    expect(await slice(deps, jobId)).toEqual({ kind: 'ignored', reason: 'finished' });
  });

  it('reactivates, revokes (directly or through the group) and assigns through the right calls', async () => {
    const deps = bulkDeps();
    await slice(deps, await start(deps, { type: 'reactivate' }, ['u-off', 'u-suspended']));
    await slice(deps, await start(deps, { type: 'revoke-product', ...jira }, ['u-direct', 'u-group']));
    await slice(deps, await start(deps, { type: 'assign-product', ...jira }, ['u-managed']));
    expect(deps.directory.calls).toEqual([
      'enable u-off',
      'restore dir-1 u-suspended',
      `revoke u-direct ${JIRA_SITE} atlassian/user`,
      'remove dir-1 jira-users u-group',
      `assign u-managed ${JIRA_SITE} atlassian/user`,
    ]);
    expect(deps.users.rows.get('u-off')?.accountStatus).toBe('active');
    expect(deps.users.rows.get('u-suspended')?.membershipStatus).toBe('active');
    expect(deps.users.rows.get('u-direct')?.productAccess).toEqual([]);
    expect(deps.users.rows.get('u-group')).toMatchObject({ productAccess: [], groups: [] });
    expect(deps.users.rows.get('u-managed')?.productAccess).toEqual([{ ...jira, lastActiveAt: null }]);
    expect(deps.audit.list.map((e) => e.action)).toEqual(['user.reactivate', 'user.restore', 'product.revoke', 'group.remove-member', 'product.assign']);
    expect(deps.audit.list.map((e) => e.details.groupNames)).toEqual([undefined, undefined, undefined, '["jira-users"]', undefined]);
  });

  it('re-checks at execution: a user protected or gone since the plan is skipped', async () => {
    const deps = bulkDeps();
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed', 'u-external']);
    deps.settings.settings = { ...deps.settings.settings, protectedEmails: [deps.users.rows.get('u-managed')?.email ?? ''] };
    deps.users.rows.delete('u-external');
    await slice(deps, jobId);
    expect(deps.directory.calls).toEqual([]);
    expect(deps.audit.list.map((e) => e.reason)).toEqual(['left-org', 'protected']);
  });

  it('re-checks at execution: an account the identity provider took over since the plan is skipped, not called', async () => {
    const deps = bulkDeps();
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed']);
    const user = deps.users.rows.get('u-managed');
    if (user) deps.users.rows.set('u-managed', { ...user, managementSource: 'synced' });
    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(deps.directory.calls).toEqual([]);
    expect(deps.audit.list.map((e) => [e.outcome, e.reason])).toEqual([['skipped', 'idp-managed']]);
  });

  it('reports partial failure: per-user 403s are FORBIDDEN with the directory reason in the audit', async () => {
    const deps = bulkDeps();
    deps.directory.failWith.set('u-external', new DomainError('API_KEY_FORBIDDEN', 'no', { apiCode: 'forbidden.action', reason: 'org admin' }));
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed', 'u-external']);
    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'partially-failed' });
    expect(deps.audit.list[0]).toMatchObject({ outcome: 'failed', reason: 'FORBIDDEN', details: { apiCode: 'forbidden.action', apiReason: 'org admin' } });
  });

  it('waits out RATE_LIMITED with a delayed continuation; the user is retried, nothing is lost or doubled', async () => {
    const deps = bulkDeps();
    const retryAt = new Date(deps.clock.now().getTime() + 42_000).toISOString();
    deps.directory.failWith.set('u-managed', new DomainError('RATE_LIMITED', 'wait', { retryAt }));
    const jobId = await start(deps, { type: 'deactivate' }, ['u-external', 'u-managed', 'u-vip']);
    expect(await slice(deps, jobId)).toEqual({ kind: 'continued', slice: 1, delaySeconds: 42 });
    expect(await deps.jobs.get(jobId)).toMatchObject({ status: 'running', processed: 1 });
    expect(deps.audit.list).toHaveLength(1);
    deps.directory.failWith.clear();
    expect(await slice(deps, jobId, 1)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(await slice(deps, jobId, 1)).toEqual({ kind: 'ignored', reason: 'finished' });
    expect(deps.audit.list.map((e) => e.id)).toEqual(['u-external', 'u-managed', 'u-vip'].map((id) => itemAuditId(jobId, id)));
  });

  it('fails every remaining user when the key is rejected or was removed', async () => {
    const deps = bulkDeps();
    deps.directory.failWith.set('u-external', new DomainError('API_KEY_REJECTED', 'expired'));
    const jobId = await start(deps, { type: 'deactivate' }, ['u-external', 'u-managed', 'u-vip']);
    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'failed' });
    expect((await deps.jobs.results(jobId, 10, null)).items.map((r) => r.reason)).toEqual(['API_KEY_REJECTED', 'API_KEY_REJECTED', 'API_KEY_REJECTED']);
    expect(deps.directory.calls).toEqual(['suspend dir-1 u-external']);
    const other = bulkDeps();
    const second = await start(other, { type: 'deactivate' }, ['u-managed']);
    other.secrets.key = null;
    expect(await slice(other, second)).toEqual({ kind: 'finished', status: 'failed' });
    expect(other.audit.list[0]).toMatchObject({ outcome: 'failed', reason: 'API_KEY_MISSING' });
  });

  it('stops at the licence limit: the refused user and every one after it fail with LICENSE_LIMIT_REACHED, each audited', async () => {
    const deps = bulkDeps();
    const limit = new DomainError('LICENSE_LIMIT_REACHED', 'no seat', { apiCode: 'ADMIN-UAM-409-3', reason: 'Product License Limit Exceeded' });
    deps.directory.failWith.set('u-managed', limit);
    const jobId = await start(deps, { type: 'assign-product', ...jira }, ['u-external', 'u-managed', 'u-off', 'u-suspended']);
    expect(await slice(deps, jobId)).toEqual({ kind: 'finished', status: 'partially-failed' });
    expect(deps.directory.calls).toEqual([`assign u-external ${JIRA_SITE} atlassian/user`, `assign u-managed ${JIRA_SITE} atlassian/user`]);
    expect((await deps.jobs.results(jobId, 10, null)).items.map((r) => [r.accountId, r.outcome, r.reason]).sort()).toEqual([
      ['u-external', 'succeeded', null],
      ['u-managed', 'failed', 'LICENSE_LIMIT_REACHED'],
      ['u-off', 'failed', 'LICENSE_LIMIT_REACHED'],
      ['u-suspended', 'failed', 'LICENSE_LIMIT_REACHED'],
    ]);
    expect(deps.audit.list.map((e) => [e.targetAccountId, e.action, e.outcome, e.reason, e.details.apiCode ?? null])).toEqual([
      ['u-external', 'product.assign', 'succeeded', null, null],
      ['u-managed', 'product.assign', 'failed', 'LICENSE_LIMIT_REACHED', 'ADMIN-UAM-409-3'],
      ['u-off', 'product.assign', 'failed', 'LICENSE_LIMIT_REACHED', null],
      ['u-suspended', 'product.assign', 'failed', 'LICENSE_LIMIT_REACHED', null],
    ]);
    expect(await deps.jobs.current('bulk-action')).toBeNull();
  });

  it('pushes its continuation before time runs out or after its share of users', async () => {
    const deps = bulkDeps();
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed', 'u-external']);
    expect(await slice(deps, jobId, 0, { remainingMs: () => 1_000 })).toEqual({ kind: 'continued', slice: 1, delaySeconds: 0 });
    deps.limits = { itemsPerSlice: 1, batchSize: 1 };
    expect(await slice(deps, jobId, 1)).toEqual({ kind: 'continued', slice: 2, delaySeconds: 0 });
    expect(await deps.jobs.itemCounts(jobId)).toMatchObject({ pending: 1, succeeded: 1 });
  });

  it('pushes its continuation only after releasing the job lease, so the next slice never finds the job busy', async () => {
    const deps = bulkDeps();
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed', 'u-external']);
    const heldAtPush: boolean[] = [];
    const push = deps.queue.push.bind(deps.queue);
    deps.queue.push = (message, delaySeconds) => {
      heldAtPush.push(deps.lock.isHeld(`bulk-job:${jobId}`));
      return push(message, delaySeconds);
    };
    deps.limits = { itemsPerSlice: 1, batchSize: 1 };
    expect(await slice(deps, jobId)).toEqual({ kind: 'continued', slice: 1, delaySeconds: 0 });
    expect(heldAtPush).toEqual([false]);
  });

  it('ignores unknown jobs and a slice whose job is busy', async () => {
    const deps = bulkDeps();
    expect(await slice(deps, 'nope')).toEqual({ kind: 'ignored', reason: 'no-job' });
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed']);
    deps.lock.hold(`bulk-job:${jobId}`, 'another-slice');
    expect(await slice(deps, jobId)).toEqual({ kind: 'ignored', reason: 'busy' });
  });

  it("releases the job's lease when done, but never the lease of a slice that took over after it expired", async () => {
    const deps = bulkDeps();
    const jobId = await start(deps, { type: 'deactivate' }, ['u-managed', 'u-external']);
    const lease = `bulk-job:${jobId}`;
    expect(await slice(deps, jobId, 0, { remainingMs: () => 1_000 })).toMatchObject({ kind: 'continued' });
    expect(deps.lock.isHeld(lease)).toBe(false);

    // This slice runs past its lease; meanwhile its re-delivered continuation takes the job's lease.
    const disable = deps.directory.deactivateAccount;
    deps.directory.deactivateAccount = (id) => {
      deps.lock.hold(lease, 'the-re-delivered-slice');
      return disable(id);
    };
    expect(await slice(deps, jobId, 1)).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(deps.lock.holder(lease)).toBe('the-re-delivered-slice');
    expect(await slice(deps, jobId, 1)).toEqual({ kind: 'ignored', reason: 'finished' });
  });

  it('finds the directory that holds the user, and removes group members in every directory', async () => {
    const deps = bulkDeps();
    deps.directory.directories = ['dir-a', 'dir-b'];
    deps.directory.emptyDirectories.add('dir-a');
    await slice(deps, await start(deps, { type: 'deactivate' }, ['u-external']));
    await slice(deps, await start(deps, { type: 'revoke-product', ...jira }, ['u-group']));
    expect(deps.directory.calls).toEqual(['suspend dir-a u-external', 'suspend dir-b u-external', 'remove dir-a jira-users u-group', 'remove dir-b jira-users u-group']);
    deps.directory.emptyDirectories.add('dir-b');
    await slice(deps, await start(deps, { type: 'reactivate' }, ['u-suspended']));
    expect(deps.audit.list.at(-1)).toMatchObject({ outcome: 'failed', reason: 'NOT_FOUND' });
    const none = bulkDeps();
    none.directory.directories = [];
    await slice(none, await start(none, { type: 'deactivate' }, ['u-external']));
    expect(none.audit.list).toEqual([expect.objectContaining({ targetAccountId: 'u-external', reason: 'NOT_FOUND' })]);
  });
});
