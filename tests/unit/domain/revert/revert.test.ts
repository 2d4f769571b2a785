import { DomainError } from '../../../../src/domain/model/errors';
import { planRevert } from '../../../../src/domain/usecases/revert/planRevert';
import { revertBlock } from '../../../../src/domain/usecases/revert/revertRules';
import { startRevert } from '../../../../src/domain/usecases/revert/startRevert';
import { JIRA_SITE } from '../fixtures';
import { admin, bulkDeps, type TestDeps } from '../usecases/bulkSupport';
import { resultsOf, revertSlice, runBulk, runRevert } from './revertSupport';

const jira = { productKey: 'jira-software', resourceId: JIRA_SITE };
const live = (deps: TestDeps, id: string) => deps.directory.live.get(id);
const failure = (deps: TestDeps, promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof DomainError ? [e.code, JSON.stringify(e.details)] : e));

describe('revert (B5): undoes what a finished job changed, as a job of its own, audited', () => {
  it('reactivates the managed account and restores the external one a deactivation changed; skipped users are left alone', async () => {
    const deps = bulkDeps();
    const jobId = await runBulk(deps, { type: 'deactivate' }, ['u-managed', 'u-external', 'u-vip', 'u-off']);
    deps.directory.calls = [];
    const revertId = await runRevert(deps, jobId);

    expect(deps.directory.calls).toEqual(['restore dir-1 u-external', 'enable u-managed']);
    expect([live(deps, 'u-managed')?.accountStatus, live(deps, 'u-external')?.membershipStatus]).toEqual(['active', 'active']);
    expect(await resultsOf(deps, revertId)).toEqual([['u-external', 'succeeded', null], ['u-managed', 'succeeded', null]]);
    const audit = deps.audit.list.filter((e) => e.jobId === revertId).map((e) => [e.targetAccountId, e.action, e.outcome, e.details.revertsJobId]);
    expect(audit).toEqual([['u-external', 'user.restore', 'succeeded', jobId], ['u-managed', 'user.reactivate', 'succeeded', jobId]]);
    expect(deps.users.rows.get('u-managed')?.accountStatus).toBe('active');
    expect((await deps.jobs.revertsOf([jobId])).map((j) => [j.id, j.status, j.createdBy])).toEqual([[revertId, 'succeeded', admin.accountId]]);
  });

  it('re-assigns the role and re-adds the group a revoke took away, the same group it recorded', async () => {
    const deps = bulkDeps();
    const jobId = await runBulk(deps, { type: 'revoke-product', ...jira }, ['u-direct', 'u-group', 'u-idp']);
    expect(await deps.jobs.changes(jobId, ['u-group'])).toEqual([
      { accountId: 'u-group', method: 'group-remove', groupIds: ['jira-users'], before: { accountStatus: 'active', membershipStatus: 'active', hadProduct: true, groups: [{ id: 'jira-users', name: 'jira-users' }] } },
    ]);
    deps.directory.calls = [];
    const revertId = await runRevert(deps, jobId);

    expect(deps.directory.calls).toEqual([`assign u-direct ${JIRA_SITE} atlassian/user`, 'add dir-1 jira-users u-group']);
    expect(live(deps, 'u-group')?.groups.map((g) => g.id)).toEqual(['jira-users']);
    expect(live(deps, 'u-direct')?.productAccess.map((a) => a.resourceId)).toEqual([JIRA_SITE]);
    expect(deps.audit.list.filter((e) => e.jobId === revertId).map((e) => [e.targetAccountId, e.action, e.details.groupNames ?? null])).toEqual([
      ['u-direct', 'product.assign', null],
      ['u-group', 'group.add-member', '["jira-users"]'],
    ]);
    expect(deps.users.rows.get('u-group')?.groups.map((g) => g.id)).toEqual(['jira-users']);
  });

  it('skips users changed since, protected now or gone, with the reason; the plan says the same before', async () => {
    const deps = bulkDeps();
    const jobId = await runBulk(deps, { type: 'deactivate' }, ['u-managed', 'u-external']);
    const revoke = await runBulk(deps, { type: 'revoke-product', ...jira }, ['u-direct', 'u-group']);
    const managed = live(deps, 'u-managed');
    if (managed) managed.accountStatus = 'active';
    deps.directory.live.delete('u-external');
    await deps.settings.save({ ...(await deps.settings.load()), protectedEmails: ['@vip.test', String(live(deps, 'u-direct')?.email)] });
    live(deps, 'u-group')?.groups.push({ id: 'jira-users', name: 'jira-users' });

    const plan = await planRevert({ jobId, itemsLimit: 10 }, deps);
    expect(plan.items.map((i) => [i.accountId, i.decision, i.reason, i.messageKey])).toEqual([
      ['u-external', 'skip', 'left-org', 'bulk.reasons.left-org'],
      ['u-managed', 'skip', 'already-active', 'bulk.reasons.already-active'],
    ]);
    deps.directory.calls = [];
    const revertId = await runRevert(deps, jobId);
    const revokeRevert = await startRevert({ jobId: revoke }, admin, deps);
    await revertSlice(deps, revokeRevert.jobId);

    expect(deps.directory.calls).toEqual([]);
    expect(await resultsOf(deps, revertId)).toEqual([['u-external', 'skipped', 'left-org'], ['u-managed', 'skipped', 'already-active']]);
    expect(await resultsOf(deps, revokeRevert.jobId)).toEqual([['u-direct', 'skipped', 'protected'], ['u-group', 'skipped', 'already-in-group']]);
  });

  it('a revert can be reverted: it re-applies what it restored', async () => {
    const deps = bulkDeps();
    const jobId = await runBulk(deps, { type: 'revoke-product', ...jira }, ['u-group']);
    const revertId = await runRevert(deps, jobId);
    deps.directory.calls = [];
    const again = await runRevert(deps, revertId);

    expect(deps.directory.calls).toEqual(['remove dir-1 jira-users u-group']);
    expect(await resultsOf(deps, again)).toEqual([['u-group', 'succeeded', null]]);
    expect(live(deps, 'u-group')?.groups).toEqual([]);
    expect((await deps.jobs.get(again))?.spec).toMatchObject({ kind: 'revert', revertsJobId: revertId, action: { type: 'revoke-product' } });
  });

  it('is refused for a job that changed nobody, one still running, one ended more than 90 days ago, and while another revert runs', async () => {
    const deps = bulkDeps();
    deps.directory.failWith.set('u-managed', new DomainError('FORBIDDEN', 'no'));
    const failed = await runBulk(deps, { type: 'deactivate' }, ['u-managed']);
    expect((await planRevert({ jobId: failed, itemsLimit: 10 }, deps)).blocked).toBe('nothing-to-revert');
    expect(await failure(deps, startRevert({ jobId: failed }, admin, deps))).toEqual(['VALIDATION_FAILED', expect.stringContaining('revert.blocked.nothing-to-revert')]);

    deps.directory.failWith.clear();
    const done = await runBulk(deps, { type: 'deactivate' }, ['u-managed', 'u-external']);
    const first = await startRevert({ jobId: done }, admin, deps);
    expect(await failure(deps, startRevert({ jobId: done }, admin, deps))).toEqual(['LOCK_HELD', undefined]);
    expect(await failure(deps, startRevert({ jobId: first.jobId }, admin, deps))).toEqual(['LOCK_HELD', undefined]);
    await revertSlice(deps, first.jobId);

    deps.clock.advance(91 * 24 * 60 * 60 * 1000);
    expect((await planRevert({ jobId: done, itemsLimit: 10 }, deps)).blocked).toBe('expired');
    expect(await failure(deps, startRevert({ jobId: done }, admin, deps))).toEqual(['VALIDATION_FAILED', expect.stringContaining('revert.blocked.expired')]);
    expect(await failure(deps, startRevert({ jobId: 'nope' }, admin, deps))).toEqual(['NOT_FOUND', expect.any(String)]);
  });
});

describe('revert window (B5)', () => {
  it('counts the 90 days from when the job finished, not from the last write to its record', async () => {
    const deps = bulkDeps();
    const jobId = await runBulk(deps, { type: 'deactivate' }, ['u-managed']);
    deps.clock.advance(91 * 24 * 60 * 60 * 1000);
    const job = await deps.jobs.get(jobId);
    if (job === null) throw new Error('no job');
    await deps.jobs.update({ ...job, updatedAt: deps.clock.now() });

    expect(revertBlock({ ...job, updatedAt: deps.clock.now() }, deps.clock.now(), undefined)).toBe('expired');
    expect((await planRevert({ jobId, itemsLimit: 10 }, deps)).blocked).toBe('expired');
  });
});

describe('revert (B5): a job is reverted once, and never undoes a later change', () => {
  it('refuses a job whose revert succeeded or is running, so reverting it again cannot undo the revert of its revert', async () => {
    const deps = bulkDeps();
    const jobId = await runBulk(deps, { type: 'deactivate' }, ['u-managed']);
    const first = await runRevert(deps, jobId);
    await runRevert(deps, first);
    expect(live(deps, 'u-managed')?.accountStatus).toBe('inactive');

    expect((await planRevert({ jobId, itemsLimit: 10 }, deps)).blocked).toBe('already-reverted');
    expect(await failure(deps, startRevert({ jobId }, admin, deps))).toEqual(['VALIDATION_FAILED', expect.stringContaining('revert.blocked.already-reverted')]);
    expect(live(deps, 'u-managed')?.accountStatus).toBe('inactive');

    const other = await runBulk(deps, { type: 'deactivate' }, ['u-external']);
    await startRevert({ jobId: other }, admin, deps);
    expect((await planRevert({ jobId: other, itemsLimit: 10 }, deps)).blocked).toBe('reverting');
  });

  it('skips a user whose account a later job changed (changed-since), even when the state looks as the job left it', async () => {
    const deps = bulkDeps();
    const jobId = await runBulk(deps, { type: 'deactivate' }, ['u-managed', 'u-external']);
    await runBulk(deps, { type: 'reactivate' }, ['u-managed']);
    await runBulk(deps, { type: 'deactivate' }, ['u-managed']);
    expect(live(deps, 'u-managed')?.accountStatus).toBe('inactive');

    const plan = await planRevert({ jobId, itemsLimit: 10 }, deps);
    expect(plan.items.map((i) => [i.accountId, i.decision, i.reason, i.messageKey])).toEqual([
      ['u-external', 'will-change', null, 'revert.methods.directory-restore'],
      ['u-managed', 'skip', 'changed-since', 'revert.reasons.changed-since'],
    ]);
    deps.directory.calls = [];
    const revertId = await runRevert(deps, jobId);

    expect(deps.directory.calls).toEqual(['restore dir-1 u-external']);
    expect(await resultsOf(deps, revertId)).toEqual([['u-external', 'succeeded', null], ['u-managed', 'skipped', 'changed-since']]);
    expect(live(deps, 'u-managed')?.accountStatus).toBe('inactive');
  });
});

describe('revert (B5): only what the job changed', () => {
  it('skips an item whose recorded state before already was what the change left (a call that changed nothing)', async () => {
    const deps = bulkDeps();
    const jobId = await runBulk(deps, { type: 'deactivate' }, ['u-managed', 'u-external']);
    // As if another admin had deactivated u-managed first: the disable answered 204 and changed nothing.
    const row = deps.jobs.items.get(jobId)?.get('u-managed');
    if (row?.intent?.before == null) throw new Error('no recorded change');
    row.intent = { ...row.intent, before: { ...row.intent.before, accountStatus: 'inactive' } };
    deps.directory.calls = [];
    const revertId = await runRevert(deps, jobId);

    expect(deps.directory.calls).toEqual(['restore dir-1 u-external']);
    expect(await resultsOf(deps, revertId)).toEqual([['u-external', 'succeeded', null], ['u-managed', 'skipped', 'nothing-recorded']]);
    expect(live(deps, 'u-managed')?.accountStatus).toBe('inactive');
  });
});

describe('revert (B5): a group deleted since the last sync', () => {
  it('is a group-deleted skip when no directory knows the group, not a failure', async () => {
    const deps = bulkDeps();
    const jobId = await runBulk(deps, { type: 'revoke-product', ...jira }, ['u-group']);
    deps.directory.failWith.set('u-group', new DomainError('NOT_FOUND', 'Group not found'));
    const revertId = await runRevert(deps, jobId);

    expect(await resultsOf(deps, revertId)).toEqual([['u-group', 'skipped', 'group-deleted']]);
    expect(deps.audit.list.filter((e) => e.jobId === revertId).map((e) => [e.outcome, e.reason])).toEqual([['skipped', 'group-deleted']]);
  });
});

describe('revert (B5) of an assign', () => {
  it('leaves the role of a user who now has the product through a group too (already-has-access)', async () => {
    const deps = bulkDeps();
    const jobId = await runBulk(deps, { type: 'assign-product', ...jira }, ['u-managed', 'u-external']);
    live(deps, 'u-managed')?.groups.push({ id: 'jira-users', name: 'jira-users' });
    deps.directory.calls = [];
    const revertId = await runRevert(deps, jobId);

    expect(deps.directory.calls).toEqual([`revoke u-external ${JIRA_SITE} atlassian/user`]);
    expect(await resultsOf(deps, revertId)).toEqual([['u-external', 'succeeded', null], ['u-managed', 'skipped', 'already-has-access']]);
  });
});
