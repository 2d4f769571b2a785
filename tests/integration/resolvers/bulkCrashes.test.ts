import { quietLogs } from '../sync/support/quietLogs';
import { SIM_KEY, useAppRig } from './support/harness';
import { KilledJobs } from './support/killedJobs';
import { seedFromSimulator } from './support/seed';
import { SqlAuditLog } from '../../../src/adapters/forge-sql/audit/sqlAuditLog';
import { SqlJobRepository } from '../../../src/adapters/forge-sql/jobs/sqlJobRepository';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import type { BulkJobDto } from '../../../src/contract';
import type { User } from '../../../src/domain/model/user';
import type { BulkAction } from '../../../src/domain/policy/actionEligibility';

const rig = useAppRig(40);
quietLogs();
let jobs: KilledJobs;
let admin = '';

/** One job of the test: its action, its users, and each user's state as the directory and the synced copy hold it. */
interface Case {
  action: BulkAction;
  users: User[];
  /** The same shape read from the simulator (`live`) and from the synced copy. */
  state: (u: User, live: boolean, copy: User | undefined) => unknown;
  /** What each user's state, audit action and change call must be after the job. */
  wanted: (u: User) => { state: unknown; audit: string; call: RegExp };
}
let cases: Case[] = [];

const person = (u: User): boolean =>
  u.accountId !== admin && u.accountStatus === 'active' && u.membershipStatus === 'active' && u.platformRoles.length === 0 && u.email !== null;

beforeAll(async () => {
  admin = rig.sim.state.org.users[0]?.accountId ?? '';
  rig.jiraAdmins.add(admin);
  const { orgs } = (await rig.ok(admin, 'apiKey.check', { key: SIM_KEY })) as { orgs: { id: string }[] };
  await rig.ok(admin, 'apiKey.save', { key: SIM_KEY, orgId: orgs[0]?.id });
  const { users } = await seedFromSimulator();
  const managed = users.find((u) => person(u) && u.managed && u.managementSource === 'invited') as User;
  const unmanaged = users.find((u) => person(u) && !u.managed) as User;
  // A product site with a free seat, and a user who has no access to it (so none through a group either).
  const access = users.flatMap((u) => u.productAccess);
  const site = rig.sim.state.org.workspaces.find((w) => access.some((a) => a.resourceId === w.id) && (w.capacity === null || rig.sim.state.seats(w.index) < w.capacity));
  const product = access.find((a) => a.resourceId === site?.id) as User['productAccess'][number];
  const newcomer = users.find((u) => person(u) && u !== managed && u !== unmanaged && !u.productAccess.some((a) => a.resourceId === product.resourceId)) as User;
  const accountState = (u: User, live: boolean, copy: User | undefined): unknown => {
    const sim = rig.sim.state.user(u.accountId);
    return live ? [sim?.accountStatus, sim?.membershipStatus] : [copy?.accountStatus, copy?.membershipStatus];
  };
  const accountCase = (type: 'deactivate' | 'reactivate'): Case => ({
    action: { type },
    users: [managed, unmanaged],
    state: accountState,
    wanted: (u) => {
      const off = type === 'deactivate';
      if (u === managed) return { state: [off ? 'inactive' : 'active', 'active'], audit: off ? 'user.deactivate' : 'user.reactivate', call: /\/manage\/lifecycle\/(disable|enable)$/ };
      return { state: ['active', off ? 'suspended' : 'active'], audit: off ? 'user.suspend' : 'user.restore', call: /\/users\/[^/]+\/(suspend|restore)$/ };
    },
  });
  const productCase = (type: 'assign-product' | 'revoke-product'): Case => ({
    action: { type, productKey: product.productKey, resourceId: product.resourceId },
    users: [newcomer],
    state: (u, live, copy) =>
      live
        ? (rig.sim.state.user(u.accountId)?.directRoles ?? []).some((g) => g.workspace === site?.index)
        : (copy?.productAccess ?? []).some((a) => a.resourceId === product.resourceId),
    wanted: () => ({ state: type === 'assign-product', audit: type === 'assign-product' ? 'product.assign' : 'product.revoke', call: /\/roles\/(assign|revoke)$/ }),
  });
  cases = [accountCase('deactivate'), accountCase('reactivate'), productCase('assign-product'), productCase('revoke-product')];
  jobs = new KilledJobs(rig.rt);
}, 60_000);

/** Per user: the directory's and the synced copy's state, the item's result, its audit entries, its change calls. */
const observe = async (c: Case, jobId: string) => {
  const synced = new Map((await new SqlUserRepository().getMany(c.users.map((u) => u.accountId))).map((u) => [u.accountId, u]));
  const results = (await new SqlJobRepository().results(jobId, 10, null)).items;
  const audit = (await new SqlAuditLog().query({ jobId, limit: 10, after: null })).items;
  return c.users.map((u) => ({
    directory: c.state(u, true, undefined),
    synced: c.state(u, false, synced.get(u.accountId)),
    result: results.find((r) => r.accountId === u.accountId)?.outcome,
    audit: audit.filter((e) => e.targetAccountId === u.accountId).map((e) => [e.action, e.outcome, e.reason]),
    changeCalls: jobs.sent.filter((r) => r.method === 'POST' && r.status < 300 && r.path.includes(`/users/${u.accountId}/`) && c.wanted(u).call.test(r.path)).length,
  }));
};

const expected = (c: Case) =>
  c.users.map((u) => {
    const { state, audit } = c.wanted(u);
    return { directory: state, synced: state, result: 'succeeded', audit: [[audit, 'succeeded', null]], changeCalls: 1 };
  });

describe('a bulk job killed at every request of its slice (issue 16: exactly-once effects)', () => {
  it('changes each user once; results, audit and the synced copy agree with the directory after re-delivery', async () => {
    const killed = cases.map(() => 0);
    let clean = 0;
    for (let n = 1; clean < cases.length; n += 1) {
      if (n > 150) throw new Error('a slice never ran to its end without a kill');
      clean = 0;
      for (const [i, c] of cases.entries()) {
        const kills = jobs.kill.kills;
        jobs.sent.length = 0;
        jobs.kill.arm(n);
        const selection = { kind: 'accounts', accountIds: c.users.map((u) => u.accountId) };
        const { jobId } = (await rig.ok(admin, 'bulk.start', { action: c.action, selection })) as BulkJobDto;
        const job = await jobs.settle(jobId, admin);
        jobs.kill.arm(null);
        if (jobs.kill.kills === kills) clean += 1;
        else killed[i] = (killed[i] ?? 0) + 1;
        expect({ n, action: c.action.type, status: job.status, users: await observe(c, jobId) }).toEqual({ n, action: c.action.type, status: 'succeeded', users: expected(c) });
      }
    }
    // Every request of each job's slice was a kill point (a slice makes well over 15).
    for (const kills of killed) expect(kills).toBeGreaterThan(15);
  }, 900_000);
});
