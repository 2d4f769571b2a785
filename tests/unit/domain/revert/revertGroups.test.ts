import { DomainError } from '../../../../src/domain/model/errors';
import { aGroup, aUser } from '../fixtures';
import { FakeGroupRepository, Tables } from '../fakes';
import { bulkDeps, idpGroup, jiraAccess, plenty, viaGroup, type TestDeps } from '../usecases/bulkSupport';
import { runBulkSlice } from '../../../../src/domain/usecases/bulk/runBulkSlice';
import { startBulk } from '../../../../src/domain/usecases/bulk/startBulk';
import { startRevert } from '../../../../src/domain/usecases/revert/startRevert';
import { admin } from '../usecases/bulkSupport';
import { resultsOf, revertSlice } from './revertSupport';

const second = aGroup({ id: 'jira-two', name: 'jira-two', grants: viaGroup.grants });
const jira = { productKey: 'jira-software', resourceId: viaGroup.grants[0]?.resourceId ?? '' };
const groupsOf = (deps: TestDeps, id: string) => deps.directory.live.get(id)?.groups.map((g) => g.id).sort();

/** A user with Jira through two groups, in an org with both. */
const twoGroups = (): TestDeps => {
  const deps = bulkDeps([aUser({ accountId: 'u-two', name: 'Two', productAccess: [jiraAccess], groups: [{ id: 'jira-users', name: 'jira-users' }, { id: 'jira-two', name: 'jira-two' }] })]);
  return { ...deps, groups: new FakeGroupRepository(new Tables(), [viaGroup, second, idpGroup]) };
};

/** The slice's process dies at the `nth` call of the directory's `method`: nothing after it is recorded. Returns the revival. */
const dieOn = (deps: TestDeps, method: 'removeGroupMember' | 'addGroupMember', nth: number): (() => void) => {
  const [real, write] = [deps.directory[method], deps.audit.writeItemEntries.bind(deps.audit)];
  let calls = 0;
  deps.directory[method] = (org: string, dir: string, group: string, id: string) => {
    calls += 1;
    if (calls !== nth) return real(org, dir, group, id);
    deps.audit.writeItemEntries = () => Promise.reject(new Error('the slice died'));
    return Promise.reject(new Error('the slice died'));
  };
  return () => {
    deps.directory[method] = real;
    deps.audit.writeItemEntries = write;
  };
};

describe('revert (B5) of a change over two groups, killed partway', () => {
  it('a revoke that died after the first group keeps both groups in its record, so the revert re-adds both', async () => {
    const deps = twoGroups();
    const revive = dieOn(deps, 'removeGroupMember', 2);
    const { jobId } = await startBulk({ action: { type: 'revoke-product', ...jira }, selection: { kind: 'accounts', accountIds: ['u-two'] } }, admin, deps);
    await expect(runBulkSlice({ kind: 'bulk-action', jobId, slice: 0 }, plenty, deps)).rejects.toThrow('the slice died');
    revive();
    expect((await runBulkSlice({ kind: 'bulk-action', jobId, slice: 0 }, plenty, deps)).kind).toBe('finished');
    expect(groupsOf(deps, 'u-two')).toEqual([]);
    expect([...((await deps.jobs.changes(jobId, ['u-two']))[0]?.groupIds ?? [])].sort()).toEqual(['jira-two', 'jira-users']);

    const revert = await startRevert({ jobId }, admin, deps);
    expect((await revertSlice(deps, revert.jobId)).kind).toBe('finished');
    expect(groupsOf(deps, 'u-two')).toEqual(['jira-two', 'jira-users']);
  });

  it('a revert that died after re-adding the first group adds only the missing one on re-delivery; results, audit and synced copy agree', async () => {
    const deps = twoGroups();
    const { jobId } = await startBulk({ action: { type: 'revoke-product', ...jira }, selection: { kind: 'accounts', accountIds: ['u-two'] } }, admin, deps);
    await runBulkSlice({ kind: 'bulk-action', jobId, slice: 0 }, plenty, deps);
    const revive = dieOn(deps, 'addGroupMember', 2);
    const revert = await startRevert({ jobId }, admin, deps);
    await expect(revertSlice(deps, revert.jobId)).rejects.toThrow('the slice died');
    const [added] = groupsOf(deps, 'u-two') ?? [];
    expect(groupsOf(deps, 'u-two')).toHaveLength(1);
    const missing = added === 'jira-users' ? 'jira-two' : 'jira-users';
    revive();
    deps.directory.calls = [];
    expect((await revertSlice(deps, revert.jobId)).kind).toBe('finished');

    expect(deps.directory.calls).toEqual([`add dir-1 ${missing} u-two`]);
    expect(groupsOf(deps, 'u-two')).toEqual(['jira-two', 'jira-users']);
    expect(await resultsOf(deps, revert.jobId)).toEqual([['u-two', 'succeeded', null]]);
    expect(deps.audit.list.filter((e) => e.jobId === revert.jobId).map((e) => [e.action, e.outcome])).toEqual([['group.add-member', 'succeeded']]);
    expect(deps.users.rows.get('u-two')?.groups.map((g) => g.id).sort()).toEqual(['jira-two', 'jira-users']);
  });
});

describe('revert (B5): a re-add answered 409', () => {
  it('is read back live: the user in the group is a success, not a CONFLICT failure', async () => {
    const deps = bulkDeps();
    const { jobId } = await startBulk({ action: { type: 'revoke-product', ...jira }, selection: { kind: 'accounts', accountIds: ['u-group'] } }, admin, deps);
    await runBulkSlice({ kind: 'bulk-action', jobId, slice: 0 }, plenty, deps);
    const real = deps.directory.addGroupMember;
    // Someone added the user to the group between the revert's live read and its call: the directory answers 409.
    deps.directory.addGroupMember = async (org: string, dir: string, group: string, id: string) => {
      await real(org, dir, group, id);
      throw new DomainError('CONFLICT', 'HTTP 409');
    };
    const revert = await startRevert({ jobId }, admin, deps);
    expect((await revertSlice(deps, revert.jobId)).kind).toBe('finished');

    expect(groupsOf(deps, 'u-group')).toEqual(['jira-users']);
    expect(await resultsOf(deps, revert.jobId)).toEqual([['u-group', 'succeeded', null]]);
  });
});
