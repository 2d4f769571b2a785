import { quietLogs } from '../sync/support/quietLogs';
import { useRevertOrg } from './support/revertOrg';
import { SqlAuditLog } from '../../../src/adapters/forge-sql/audit/sqlAuditLog';
import { SqlJobRepository } from '../../../src/adapters/forge-sql/jobs/sqlJobRepository';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import type { BulkJobDto } from '../../../src/contract';
import type { User } from '../../../src/domain/model/user';
import type { BulkAction } from '../../../src/domain/policy/actionEligibility';

const org = useRevertOrg(60);
quietLogs();

/** A job whose revert is killed: its action, its users, and the change calls a revert makes for a user. */
interface Case {
  action: () => BulkAction;
  users: User[];
  /** The revert's successful change requests for `u` (the group add's path names the group, not the user). */
  calls: (u: User) => RegExp;
  audit: (u: User) => string;
}
let cases: Case[] = [];

beforeAll(() => {
  const [managed, external] = [org.pick((u) => u.managed && u.managementSource === 'invited'), org.pick((u) => !u.managed)];
  const [viaRole, viaGroup] = [org.pickWith('role'), org.pickWith('group')];
  cases = [
    {
      action: () => ({ type: 'deactivate' }),
      users: [managed, external],
      calls: (u) => new RegExp(`/${u.accountId}/(manage/lifecycle/enable|restore)$`),
      audit: (u) => (u === managed ? 'user.reactivate' : 'user.restore'),
    },
    {
      action: () => ({ type: 'revoke-product', ...org.product }),
      users: [viaRole, viaGroup],
      calls: (u) => (u === viaRole ? new RegExp(`/users/${u.accountId}/roles/assign$`) : /\/groups\/[^/]+\/memberships$/),
      audit: (u) => (u === viaRole ? 'product.assign' : 'group.add-member'),
    },
  ];
});

/** The synced copy of what a job can change: the account, its membership, its groups, its access to the product. */
const copyState = (u: User | undefined): unknown => [
  u?.accountStatus,
  u?.membershipStatus,
  (u?.groups ?? []).map((g) => g.id).sort(),
  (u?.productAccess ?? []).some((a) => a.resourceId === org.product.resourceId),
];

/** Per user: the directory, the synced copy, the revert's result, its audit entries, its change calls. */
const observe = async (c: Case, revertId: string) => {
  const synced = new Map((await new SqlUserRepository().getMany(c.users.map((u) => u.accountId))).map((u) => [u.accountId, u]));
  const results = (await new SqlJobRepository().results(revertId, 10, null)).items;
  const audit = (await new SqlAuditLog().query({ jobId: revertId, limit: 10, after: null })).items;
  return c.users.map((u) => ({
    directory: org.simState(u.accountId),
    synced: copyState(synced.get(u.accountId)),
    result: results.find((r) => r.accountId === u.accountId)?.outcome,
    audit: audit.filter((e) => e.targetAccountId === u.accountId).map((e) => [e.action, e.outcome, e.reason, e.details.revertsJobId]),
    changeCalls: org.jobs.sent.filter((r) => r.method === 'POST' && r.status < 300 && c.calls(u).test(r.path)).length,
  }));
};

describe('a revert killed at every request of its slice (B5: exactly-once effects)', () => {
  it('undoes each change once; results, audit, synced copy and directory agree after re-delivery', async () => {
    const jobs = org.jobs;
    const killed = cases.map(() => 0);
    let clean = 0;
    for (let n = 1; clean < cases.length; n += 1) {
      if (n > 400) throw new Error('a revert slice never ran to its end without a kill');
      clean = 0;
      for (const [i, c] of cases.entries()) {
        const before = c.users.map((u) => org.simState(u.accountId));
        const copies = (await new SqlUserRepository().getMany(c.users.map((u) => u.accountId))).sort((a, b) => c.users.findIndex((u) => u.accountId === a.accountId) - c.users.findIndex((u) => u.accountId === b.accountId));
        const jobId = await org.runJob(c.action(), c.users.map((u) => u.accountId));
        const kills = jobs.kill.kills;
        jobs.sent.length = 0;
        jobs.kill.arm(n);
        const { jobId: revertId } = (await org.rig.ok(org.admin, 'revert.start', { jobId })) as BulkJobDto;
        const job = await jobs.settle(revertId, org.admin);
        jobs.kill.arm(null);
        if (jobs.kill.kills === kills) clean += 1;
        else killed[i] = (killed[i] ?? 0) + 1;
        const wanted = c.users.map((u, k) => ({
          directory: before[k],
          synced: copyState(copies[k]),
          result: 'succeeded',
          audit: [[c.audit(u), 'succeeded', null, jobId]],
          changeCalls: c.calls(u).source.includes('memberships') ? org.grantingGroups(u).length : 1,
        }));
        expect({ n, status: job.status, users: await observe(c, revertId) }).toEqual({ n, status: 'succeeded', users: wanted });
      }
    }
    // Every request of each revert's slice was a kill point.
    for (const kills of killed) expect(kills).toBeGreaterThan(10);
  }, 1_800_000);
});
