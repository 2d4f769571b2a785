import { useAppRig } from './harness';
import { KilledJobs } from './killedJobs';
import { adminWithSeededOrg, seedFromSimulator } from './seed';
import { SqlGroupRepository } from '../../../../src/adapters/forge-sql/groups/sqlGroupRepository';
import { SqlJobRepository } from '../../../../src/adapters/forge-sql/jobs/sqlJobRepository';
import type { BulkJobDto } from '../../../../src/contract';
import type { Group } from '../../../../src/domain/model/group';
import type { User } from '../../../../src/domain/model/user';
import type { BulkAction } from '../../../../src/domain/policy/actionEligibility';

/**
 * The app on the local runtime over a simulated org of `size` users, set up for reverts (B5): a product site with
 * free seats granted by a modifiable group, users who have it only through such groups, two by a direct role
 * instead, two without it; the jobs consumer (killable) and helpers to run a job and its revert to their end.
 */
export const useRevertOrg = (size = 60) => {
  const rig = useAppRig(size);
  let admin = '';
  let users: User[] = [];
  let groups: Group[] = [];
  let jobs: KilledJobs | null = null;
  let product = { productKey: '', resourceId: '' };
  const taken = new Set<string>();
  const consumer = (): KilledJobs => {
    if (jobs === null) throw new Error('the org is not set up yet');
    return jobs;
  };
  const person = (u: User): boolean =>
    u.accountId !== admin && u.accountStatus === 'active' && u.membershipStatus === 'active' && u.platformRoles.length === 0 && u.email !== null;
  const grants = (g: Group): boolean => g.grants.some((x) => x.resourceId === product.resourceId);
  const grantingGroups = (u: User): Group[] => groups.filter((g) => grants(g) && u.groups.some((r) => r.id === g.id));
  const siteIndex = (): number => rig.sim.state.org.workspaces.find((w) => w.id === product.resourceId)?.index ?? -1;
  const hasDirectRole = (u: User): boolean => (rig.sim.state.user(u.accountId)?.directRoles ?? []).some((r) => r.workspace === siteIndex());
  const mutateSim = (accountId: string, change: (u: NonNullable<ReturnType<typeof rig.sim.state.user>>) => void): void => {
    const u = rig.sim.state.user(accountId);
    if (u === undefined) throw new Error(`no simulated user ${accountId}`);
    rig.sim.state.mutate(u, () => {
      change(u);
    });
  };
  const leaveGroups = (u: User): void => {
    mutateSim(u.accountId, (s) => {
      const out = new Set(grantingGroups(u).map((g) => rig.sim.state.group(g.id)?.index));
      for (const index of out) if (index !== undefined) rig.sim.state.org.groups[index]?.members.delete(s.index);
      s.groups = s.groups.filter((g) => !out.has(g));
    });
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
    const viaGroups = users.filter((u) => person(u) && u.managed && grantingGroups(u).length > 0 && grantingGroups(u).every((g) => g.modifiable && !g.idpSynced) && !hasDirectRole(u));
    for (const u of viaGroups.slice(-4, -2)) {
      leaveGroups(u);
      mutateSim(u.accountId, (s) => {
        s.directRoles = [...s.directRoles, { workspace: siteIndex(), role: 'atlassian/user' }];
      });
    }
    for (const u of viaGroups.slice(-2)) leaveGroups(u);
    ({ users, groups } = await seedFromSimulator());
    groups = groups.filter((g) => rig.sim.state.group(g.id) !== undefined);
    jobs = new KilledJobs(rig.rt);
  }, 60_000);

  return {
    rig,
    get admin(): string {
      return admin;
    },
    get product(): { productKey: string; resourceId: string } {
      return product;
    },
    get jobs(): KilledJobs {
      return consumer();
    },
    grantingGroups,
    hasDirectRole,
    mutateSim,
    siteIndex,
    /** A person no other case of the file uses. */
    pick: (test: (u: User) => boolean): User => {
      const found = users.find((u) => person(u) && !taken.has(u.accountId) && test(u));
      if (found === undefined) throw new Error('no such user in the simulated org');
      taken.add(found.accountId);
      return found;
    },
    /** The product only through modifiable groups; only by a direct role; not at all (`how`). */
    pickWith: (how: 'group' | 'role' | 'none'): User => {
      const has = (u: User): boolean => u.productAccess.some((a) => a.resourceId === product.resourceId);
      const test = {
        group: (u: User) => grantingGroups(u).length > 0 && grantingGroups(u).every((g) => g.modifiable && !g.idpSynced) && !hasDirectRole(u),
        role: (u: User) => has(u) && grantingGroups(u).length === 0 && hasDirectRole(u),
        none: (u: User) => u.managed && !has(u),
      }[how];
      const found = users.find((u) => person(u) && !taken.has(u.accountId) && test(u));
      if (found === undefined) throw new Error(`no user with the product by ${how}`);
      taken.add(found.accountId);
      return found;
    },
    /** What a job can change of a user, as the simulator holds it: account, membership, groups, direct roles. */
    simState: (accountId: string): unknown => {
      const u = rig.sim.state.user(accountId);
      return {
        account: u?.accountStatus,
        membership: u?.membershipStatus,
        groups: [...(u?.groups ?? [])].sort(),
        roles: (u?.directRoles ?? []).map((r) => `${String(r.workspace)}:${r.role}`).sort(),
      };
    },
    /** Runs a bulk action to its end (it must succeed); its job id. */
    runJob: async (action: BulkAction, accountIds: string[]): Promise<string> => {
      const { jobId } = (await rig.ok(admin, 'bulk.start', { action, selection: { kind: 'accounts', accountIds } })) as BulkJobDto;
      expect((await consumer().settle(jobId, admin)).status).toBe('succeeded');
      return jobId;
    },
    /** Starts the revert of `jobId` and settles it; its id and its results as [account, outcome, reason]. */
    revert: async (jobId: string): Promise<{ revertId: string; results: (string | null)[][] }> => {
      const { jobId: revertId } = (await rig.ok(admin, 'revert.start', { jobId })) as BulkJobDto;
      await consumer().settle(revertId, admin);
      const results = (await new SqlJobRepository().results(revertId, 100, null)).items.map((r) => [r.accountId, r.outcome, r.reason]);
      return { revertId, results };
    },
  };
};
