import { quietLogs } from '../sync/support/quietLogs';
import { useRevertOrg } from './support/revertOrg';
import { SqlAuditLog } from '../../../src/adapters/forge-sql/audit/sqlAuditLog';
import type { JobListItemDto, RevertPlanDto } from '../../../src/contract';

const org = useRevertOrg(60);
const { rig, pick, pickWith, simState, mutateSim, runJob, revert, grantingGroups } = org;
quietLogs();

describe('revert (B5) against the Admin API simulator: each action is undone to exactly the state before', () => {
  it('deactivate: the managed account is reactivated, the external one restored in the directory', async () => {
    const managed = pick((u) => u.managed && u.managementSource === 'invited');
    const external = pick((u) => !u.managed);
    const before = [simState(managed.accountId), simState(external.accountId)];
    const jobId = await runJob({ type: 'deactivate' }, [managed.accountId, external.accountId]);
    expect(simState(managed.accountId)).not.toEqual(before[0]);
    expect(simState(external.accountId)).not.toEqual(before[1]);

    const plan = (await rig.ok(org.admin, 'revert.plan', { jobId })) as RevertPlanDto;
    expect(plan.items.map((i) => [i.accountId, i.method]).sort()).toEqual([[managed.accountId, 'lifecycle-enable'], [external.accountId, 'directory-restore']].sort());
    const { revertId, results } = await revert(jobId);

    expect([simState(managed.accountId), simState(external.accountId)]).toEqual(before);
    expect(results).toHaveLength(2);
    expect(results.every((r) => r[1] === 'succeeded')).toBe(true);
    const audit = (await new SqlAuditLog().query({ jobId: revertId, limit: 10, after: null })).items;
    expect(audit.map((e) => [e.targetAccountId, e.action, e.outcome, e.details.revertsJobId]).sort()).toEqual(
      [[managed.accountId, 'user.reactivate', 'succeeded', jobId], [external.accountId, 'user.restore', 'succeeded', jobId]].sort(),
    );
    const list = (await rig.ok(org.admin, 'jobs.list', { limit: 20 })) as { items: JobListItemDto[] };
    const original = list.items.find((j) => j.kind === 'bulk-action' && j.jobId === jobId);
    expect(original?.kind === 'bulk-action' ? original.revert?.revertedBy : null).toMatchObject({ jobId: revertId, status: 'succeeded' });
  });

  it('revoke: the role is re-assigned and the user put back in the very group it was removed from; assign: the role goes again', async () => {
    const [viaRole, viaGroup, newcomer] = [pickWith('role'), pickWith('group'), pickWith('none')];
    const ids = [viaRole.accountId, viaGroup.accountId, newcomer.accountId];
    const before = ids.map(simState);
    const revoked = await runJob({ type: 'revoke-product', ...org.product }, [viaRole.accountId, viaGroup.accountId]);
    const assigned = await runJob({ type: 'assign-product', ...org.product }, [newcomer.accountId]);
    expect(ids.map(simState)).not.toEqual(before);

    const plan = (await rig.ok(org.admin, 'revert.plan', { jobId: revoked })) as RevertPlanDto;
    const groupNames = grantingGroups(viaGroup).map((g) => g.name);
    expect(plan.items.find((i) => i.accountId === viaGroup.accountId)).toMatchObject({ method: 'group-add', groups: groupNames });
    expect(plan.items.find((i) => i.accountId === viaRole.accountId)).toMatchObject({ reason: null, method: "role-assign", groups: [] });
    expect((await revert(revoked)).results.map((r) => r[1])).toEqual(['succeeded', 'succeeded']);
    expect((await revert(assigned)).results).toEqual([[newcomer.accountId, 'succeeded', null]]);

    expect(ids.map(simState)).toEqual(before);
  });

  it('users changed since are skipped with the reason, and nobody is touched: reactivated, back in the group, role re-assigned, gone', async () => {
    const [back, gone] = [pick((u) => u.managed && u.managementSource === 'invited'), pick((u) => u.managed && u.managementSource === 'invited')];
    const [viaRole, viaGroup] = [pickWith('role'), pickWith('group')];
    const deactivated = await runJob({ type: 'deactivate' }, [back.accountId, gone.accountId]);
    const revoked = await runJob({ type: 'revoke-product', ...org.product }, [viaRole.accountId, viaGroup.accountId]);
    const roleBefore = simState(viaRole.accountId);
    const groupBefore = simState(viaGroup.accountId);
    // Someone else, in admin.atlassian.com: reactivates one, removes another from the org, re-grants and re-adds.
    mutateSim(back.accountId, (u) => { u.accountStatus = 'active'; });
    mutateSim(gone.accountId, (u) => { u.membershipStatus = 'no_membership'; });
    const simGroup = rig.sim.state.group(grantingGroups(viaGroup)[0]?.id ?? '');
    mutateSim(viaGroup.accountId, (u) => {
      if (simGroup === undefined) return;
      simGroup.members.add(u.index);
      u.groups = [...u.groups, simGroup.index];
    });
    mutateSim(viaRole.accountId, (u) => { u.directRoles = [...u.directRoles, { workspace: org.siteIndex(), role: 'atlassian/user' }]; });
    const touched = [back, gone, viaRole, viaGroup].map((u) => simState(u.accountId));

    const plan = (await rig.ok(org.admin, 'revert.plan', { jobId: deactivated })) as RevertPlanDto;
    expect(plan.summary).toMatchObject({ checked: 2, willChange: 0, skipped: 2 });
    const expectedReasons = [[back.accountId, 'skipped', 'already-active'], [gone.accountId, 'skipped', 'left-org']].sort();
    expect((await revert(deactivated)).results).toEqual(expectedReasons);
    const revokeResults = (await revert(revoked)).results;
    expect(revokeResults).toEqual([[viaRole.accountId, 'skipped', 'already-has-access'], [viaGroup.accountId, 'skipped', 'already-in-group']].sort());

    expect([back, gone, viaRole, viaGroup].map((u) => simState(u.accountId))).toEqual(touched);
    expect(simState(viaRole.accountId)).not.toEqual(roleBefore);
    expect(simState(viaGroup.accountId)).not.toEqual(groupBefore);
  });
});
