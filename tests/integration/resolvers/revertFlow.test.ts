import { quietLogs } from '../sync/support/quietLogs';
import { useAppRig } from './support/harness';
import { KilledJobs } from './support/killedJobs';
import { adminWithSeededOrg, seedFromSimulator } from './support/seed';
import { SqlAuditLog } from '../../../src/adapters/forge-sql/audit/sqlAuditLog';
import { SqlGroupRepository } from '../../../src/adapters/forge-sql/groups/sqlGroupRepository';
import { SqlJobRepository } from '../../../src/adapters/forge-sql/jobs/sqlJobRepository';
import type { BulkJobDto, JobListItemDto, RevertPlanDto } from '../../../src/contract';
import type { Group } from '../../../src/domain/model/group';
import type { User } from '../../../src/domain/model/user';
import type { BulkAction } from '../../../src/domain/policy/actionEligibility';

const rig = useAppRig(60);
quietLogs();
let admin = '';
let users: User[] = [];
let groups: Group[] = [];
let jobs: KilledJobs;

const person = (u: User): boolean =>
  u.accountId !== admin && u.accountStatus === 'active' && u.membershipStatus === 'active' && u.platformRoles.length === 0 && u.email !== null;
const taken = new Set<string>();
/** A user no other case of this file uses. */
const pick = (test: (u: User) => boolean): User => {
  const found = users.find((u) => person(u) && !taken.has(u.accountId) && test(u));
  if (found === undefined) throw new Error('no such user in the simulated org');
  taken.add(found.accountId);
  return found;
};

/** What a job can change of a user, as the simulator holds it: account, membership, groups, direct roles. */
const simState = (accountId: string): unknown => {
  const u = rig.sim.state.user(accountId);
  return {
    account: u?.accountStatus,
    membership: u?.membershipStatus,
    groups: [...(u?.groups ?? [])].sort(),
    roles: (u?.directRoles ?? []).map((r) => `${String(r.workspace)}:${r.role}`).sort(),
  };
};
const mutateSim = (accountId: string, change: (u: NonNullable<ReturnType<typeof rig.sim.state.user>>) => void): void => {
  const u = rig.sim.state.user(accountId);
  if (u === undefined) throw new Error(`no simulated user ${accountId}`);
  rig.sim.state.mutate(u, () => { change(u); });
};

const runJob = async (action: BulkAction, accountIds: string[]): Promise<string> => {
  const { jobId } = (await rig.ok(admin, 'bulk.start', { action, selection: { kind: 'accounts', accountIds } })) as BulkJobDto;
  expect((await jobs.settle(jobId, admin)).status).toBe('succeeded');
  return jobId;
};
const revert = async (jobId: string): Promise<{ revertId: string; results: (string | null)[][] }> => {
  const { jobId: revertId } = (await rig.ok(admin, 'revert.start', { jobId })) as BulkJobDto;
  await jobs.settle(revertId, admin);
  const results = (await new SqlJobRepository().results(revertId, 100, null)).items.map((r) => [r.accountId, r.outcome, r.reason]);
  return { revertId, results };
};

/** A product site whose seats are not all taken, granted (to someone) by a modifiable group of the org. */
let product: { productKey: string; resourceId: string };
const grants = (g: Group): boolean => g.grants.some((x) => x.resourceId === product.resourceId);
const grantingGroups = (u: User): Group[] => groups.filter((g) => grants(g) && u.groups.some((r) => r.id === g.id));
const hasDirectRole = (u: User): boolean => {
  const site = rig.sim.state.org.workspaces.find((w) => w.id === product.resourceId);
  return (rig.sim.state.user(u.accountId)?.directRoles ?? []).some((r) => r.workspace === site?.index);
};

beforeAll(async () => {
  ({ admin, users } = await adminWithSeededOrg(rig));
  groups = (await new SqlGroupRepository().list(null, 500, null)).items.filter((g) => rig.sim.state.group(g.id) !== undefined);
  const site = rig.sim.state.org.workspaces.find(
    (w) => groups.some((g) => g.modifiable && !g.idpSynced && g.grants.some((x) => x.resourceId === w.id)) && (w.capacity === null || rig.sim.state.seats(w.index) + 5 < w.capacity),
  );
  const grant = groups.flatMap((g) => g.grants).find((x) => x.resourceId === site?.id);
  if (grant === undefined) throw new Error('no product with free seats granted by a modifiable group');
  product = { productKey: grant.productKey, resourceId: grant.resourceId };
  // Users with the product only through modifiable groups: three keep it so, two get a direct role instead, two lose it.
  const viaGroups = users.filter((u) => person(u) && u.managed && grantingGroups(u).length > 0 && grantingGroups(u).every((g) => g.modifiable && !g.idpSynced) && !hasDirectRole(u));
  const leaveGroups = (u: User): void => { mutateSim(u.accountId, (s) => {
      const out = new Set(grantingGroups(u).map((g) => rig.sim.state.group(g.id)?.index));
      for (const index of out) if (index !== undefined) rig.sim.state.org.groups[index]?.members.delete(s.index);
      s.groups = s.groups.filter((g) => !out.has(g));
    }); };
  for (const u of viaGroups.slice(3, 5)) {
    leaveGroups(u);
    mutateSim(u.accountId, (s) => { s.directRoles = [...s.directRoles, { workspace: site?.index ?? 0, role: 'atlassian/user' }]; });
  }
  for (const u of viaGroups.slice(5, 7)) leaveGroups(u);
  ({ users, groups } = await seedFromSimulator());
  groups = groups.filter((g) => rig.sim.state.group(g.id) !== undefined);
  jobs = new KilledJobs(rig.rt);
}, 60_000);

describe('revert (B5) against the Admin API simulator: each action is undone to exactly the state before', () => {
  it('deactivate: the managed account is reactivated, the external one restored in the directory', async () => {
    const managed = pick((u) => u.managed && u.managementSource === 'invited');
    const external = pick((u) => !u.managed);
    const before = [simState(managed.accountId), simState(external.accountId)];
    const jobId = await runJob({ type: 'deactivate' }, [managed.accountId, external.accountId]);
    expect(simState(managed.accountId)).not.toEqual(before[0]);
    expect(simState(external.accountId)).not.toEqual(before[1]);

    const plan = (await rig.ok(admin, 'revert.plan', { jobId })) as RevertPlanDto;
    expect(plan.items.map((i) => [i.accountId, i.method]).sort()).toEqual([[managed.accountId, 'lifecycle-enable'], [external.accountId, 'directory-restore']].sort());
    const { revertId, results } = await revert(jobId);

    expect([simState(managed.accountId), simState(external.accountId)]).toEqual(before);
    expect(results).toHaveLength(2);
    expect(results.every((r) => r[1] === 'succeeded')).toBe(true);
    const audit = (await new SqlAuditLog().query({ jobId: revertId, limit: 10, after: null })).items;
    expect(audit.map((e) => [e.targetAccountId, e.action, e.outcome, e.details.revertsJobId]).sort()).toEqual(
      [[managed.accountId, 'user.reactivate', 'succeeded', jobId], [external.accountId, 'user.restore', 'succeeded', jobId]].sort(),
    );
    const list = (await rig.ok(admin, 'jobs.list', { limit: 20 })) as { items: JobListItemDto[] };
    const original = list.items.find((j) => j.kind === 'bulk-action' && j.jobId === jobId);
    expect(original?.kind === 'bulk-action' ? original.revert?.revertedBy : null).toMatchObject({ jobId: revertId, status: 'succeeded' });
  });

  it('revoke: the role is re-assigned and the user put back in the very group it was removed from; assign: the role goes again', async () => {
    const viaRole = pick((u) => u.productAccess.some((a) => a.resourceId === product.resourceId) && grantingGroups(u).length === 0 && hasDirectRole(u));
    const viaGroup = pick((u) => {
      const granting = grantingGroups(u);
      return granting.length > 0 && granting.every((g) => g.modifiable && !g.idpSynced) && !hasDirectRole(u);
    });
    const newcomer = pick((u) => !u.productAccess.some((a) => a.resourceId === product.resourceId) && u.managed);
    const ids = [viaRole.accountId, viaGroup.accountId, newcomer.accountId];
    const before = ids.map(simState);
    const revoked = await runJob({ type: 'revoke-product', ...product }, [viaRole.accountId, viaGroup.accountId]);
    const assigned = await runJob({ type: 'assign-product', ...product }, [newcomer.accountId]);
    expect(ids.map(simState)).not.toEqual(before);

    const plan = (await rig.ok(admin, 'revert.plan', { jobId: revoked })) as RevertPlanDto;
    const groupNames = grantingGroups(viaGroup).map((g) => g.name);
    expect(plan.items.find((i) => i.accountId === viaGroup.accountId)).toMatchObject({ method: 'group-add', groups: groupNames });
    expect(plan.items.find((i) => i.accountId === viaRole.accountId)).toMatchObject({ reason: null, method: "role-assign", groups: [] });
    expect((await revert(revoked)).results.map((r) => r[1])).toEqual(['succeeded', 'succeeded']);
    expect((await revert(assigned)).results).toEqual([[newcomer.accountId, 'succeeded', null]]);

    expect(ids.map(simState)).toEqual(before);
  });

  it('users changed since are skipped with the reason, and nobody is touched: reactivated, back in the group, role re-assigned, gone', async () => {
    const [back, gone] = [pick((u) => u.managed && u.managementSource === 'invited'), pick((u) => u.managed && u.managementSource === 'invited')];
    const viaRole = pick((u) => u.productAccess.some((a) => a.resourceId === product.resourceId) && grantingGroups(u).length === 0 && hasDirectRole(u));
    const viaGroup = pick((u) => grantingGroups(u).length > 0 && grantingGroups(u).every((g) => g.modifiable && !g.idpSynced) && !hasDirectRole(u));
    const deactivated = await runJob({ type: 'deactivate' }, [back.accountId, gone.accountId]);
    const revoked = await runJob({ type: 'revoke-product', ...product }, [viaRole.accountId, viaGroup.accountId]);
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
    const site = rig.sim.state.org.workspaces.find((w) => w.id === product.resourceId);
    mutateSim(viaRole.accountId, (u) => { u.directRoles = [...u.directRoles, { workspace: site?.index ?? 0, role: 'atlassian/user' }]; });
    const touched = [back, gone, viaRole, viaGroup].map((u) => simState(u.accountId));

    const plan = (await rig.ok(admin, 'revert.plan', { jobId: deactivated })) as RevertPlanDto;
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
