import { quietLogs } from '../sync/support/quietLogs';
import { SIM_KEY, useAppRig } from './support/harness';
import { KilledJobs } from './support/killedJobs';
import { seedFromSimulator } from './support/seed';
import { SqlAuditLog } from '../../../src/adapters/forge-sql/audit/sqlAuditLog';
import { SqlJobRepository } from '../../../src/adapters/forge-sql/jobs/sqlJobRepository';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import type { BulkJobDto } from '../../../src/contract';
import type { User } from '../../../src/domain/model/user';

const rig = useAppRig(40);
quietLogs();
let jobs: KilledJobs;
let admin = '';
let managed: User;
let unmanaged: User;

const person = (u: User): boolean =>
  u.accountId !== admin && u.accountStatus === 'active' && u.membershipStatus === 'active' && u.platformRoles.length === 0 && u.email !== null;

beforeAll(async () => {
  admin = rig.sim.state.org.users[0]?.accountId ?? '';
  rig.jiraAdmins.add(admin);
  const { orgs } = (await rig.ok(admin, 'apiKey.check', { key: SIM_KEY })) as { orgs: { id: string }[] };
  await rig.ok(admin, 'apiKey.save', { key: SIM_KEY, orgId: orgs[0]?.id });
  const { users } = await seedFromSimulator();
  [managed] = users.filter((u) => person(u) && u.managed && u.managementSource === 'invited') as [User];
  [unmanaged] = users.filter((u) => person(u) && !u.managed) as [User];
  jobs = new KilledJobs(rig.rt);
}, 60_000);

type Action = 'deactivate' | 'reactivate';

/** Per user: the directory's state, the synced copy's, the item's result, its audit entries, and its change calls. */
const observe = async (jobId: string) => {
  const synced = new Map((await new SqlUserRepository().getMany([managed.accountId, unmanaged.accountId])).map((u) => [u.accountId, u]));
  const results = (await new SqlJobRepository().results(jobId, 10, null)).items;
  const audit = (await new SqlAuditLog().query({ search: jobId, limit: 10, after: null })).items;
  const changeCalls = (id: string): number =>
    jobs.sent.filter((r) => r.method === 'POST' && r.status < 300 && new RegExp(`/users/${id}/(manage/lifecycle/(disable|enable)|suspend|restore)$`).test(r.path)).length;
  const of = (u: User) => {
    const sim = rig.sim.state.user(u.accountId);
    const copy = synced.get(u.accountId);
    return {
      directory: [sim?.accountStatus, sim?.membershipStatus],
      synced: [copy?.accountStatus, copy?.membershipStatus],
      result: results.find((r) => r.accountId === u.accountId)?.outcome,
      audit: audit.filter((e) => e.targetAccountId === u.accountId).map((e) => [e.action, e.outcome, e.reason]),
      changeCalls: changeCalls(u.accountId),
    };
  };
  return { managed: of(managed), unmanaged: of(unmanaged) };
};

const expected = (action: Action) => {
  const off = action === 'deactivate';
  const user = (state: [string, string], auditAction: string) => ({
    directory: state,
    synced: state,
    result: 'succeeded',
    audit: [[auditAction, 'succeeded', null]],
    changeCalls: 1,
  });
  return {
    managed: user([off ? 'inactive' : 'active', 'active'], off ? 'user.deactivate' : 'user.reactivate'),
    unmanaged: user(['active', off ? 'suspended' : 'active'], off ? 'user.suspend' : 'user.restore'),
  };
};

describe('a bulk job killed at every request of its slice (issue 16: exactly-once effects)', () => {
  it('changes each user once; results, audit and the synced copy agree with the directory after re-delivery', async () => {
    const selection = { kind: 'accounts', accountIds: [managed.accountId, unmanaged.accountId] };
    let killedAt = 0;
    let cleanRuns = 0;
    for (let n = 1; cleanRuns < 2; n += 1) {
      if (n > 150) throw new Error('a slice never ran to its end without a kill');
      cleanRuns = 0;
      for (const action of ['deactivate', 'reactivate'] as const) {
        const kills = jobs.kill.kills;
        jobs.sent.length = 0;
        jobs.kill.arm(n);
        const { jobId } = (await rig.ok(admin, 'bulk.start', { action: { type: action }, selection })) as BulkJobDto;
        const job = await jobs.settle(jobId, admin);
        jobs.kill.arm(null);
        if (jobs.kill.kills === kills) cleanRuns += 1;
        else killedAt += 1;
        expect({ n, action, status: job.status, ...(await observe(jobId)) }).toEqual({ n, action, status: 'succeeded', ...expected(action) });
      }
    }
    // Every request of the slice was a kill point, for both actions (a slice makes well over 15).
    expect(killedAt).toBeGreaterThan(30);
  }, 600_000);
});
