import { useAppRig } from './support/harness';
import { adminWithSeededOrg } from './support/seed';
import type { AuditPageDto, BulkJobDto } from '../../../src/contract';
import type { User } from '../../../src/domain/model/user';

const rig = useAppRig(40);
let admin = '';
let users: User[] = [];

beforeAll(async () => {
  ({ admin, users } = await adminWithSeededOrg(rig));
}, 60_000);

describe('a grant beyond the product licence stops the bulk job (issue 16)', () => {
  it('stops at the first 409 ADMIN-UAM-409-3: the rest fail with LICENSE_LIMIT_REACHED, each audited, one call refused', async () => {
    const person = (u: User): boolean =>
      u.accountId !== admin && u.accountStatus === 'active' && u.membershipStatus === 'active' && u.platformRoles.length === 0 && u.email !== null;
    const access = users.flatMap((u) => u.productAccess);
    const without = (resourceId: string): User[] => users.filter((u) => person(u) && !u.productAccess.some((a) => a.resourceId === resourceId));
    // The product site (one the synced copy knows) that most people have no access to.
    const [site] = rig.sim.state.org.workspaces
      .filter((w) => access.some((a) => a.resourceId === w.id))
      .sort((a, b) => without(b.id).length - without(a.id).length);
    if (site === undefined) throw new Error('no product site in the simulated org');
    const product = access.find((a) => a.resourceId === site.id) as User['productAccess'][number];
    const newcomers = without(site.id).slice(0, 4).sort((a, b) => a.accountId.localeCompare(b.accountId));
    expect(newcomers).toHaveLength(4);
    // One seat left: the first grant (items run in account order) takes it, the second is refused.
    site.capacity = rig.sim.state.seats(site.index) + 1;
    rig.sim.resetCounters();

    const selection = { kind: 'accounts', accountIds: newcomers.map((u) => u.accountId) };
    const action = { type: 'assign-product', productKey: product.productKey, resourceId: product.resourceId };
    const job = (await rig.ok(admin, 'bulk.start', { action, selection })) as BulkJobDto;
    await rig.rt.runtime.queue.drain();

    expect(await rig.ok(admin, 'bulk.status', { jobId: job.jobId })).toMatchObject({ status: 'partially-failed', processed: 4, succeeded: 1, failed: 3 });
    expect(await rig.ok(admin, 'bulk.status', {})).toBeNull();
    expect(rig.sim.counters()['user-roles']).toMatchObject({ requests: 2, statuses: { 204: 1, 409: 1 } });
    expect(rig.sim.state.seats(site.index)).toBe(site.capacity);

    const [first, ...rest] = newcomers.map((u) => u.accountId) as [string, ...string[]];
    const results = (await rig.ok(admin, 'jobs.results', { jobId: job.jobId })) as { items: { accountId: string; outcome: string; reason: string | null; messageKey: string }[] };
    expect(results.items.map((r) => [r.accountId, r.outcome, r.reason, r.messageKey])).toEqual([
      [first, 'succeeded', null, 'bulk.outcomes.succeeded'],
      ...rest.map((id) => [id, 'failed', 'LICENSE_LIMIT_REACHED', 'errors.LICENSE_LIMIT_REACHED']),
    ]);
    const audit = (await rig.ok(admin, 'audit.list', { jobId: job.jobId, limit: 100 })) as AuditPageDto;
    const byTarget = new Map(audit.items.map((e) => [e.targetAccountId, [e.action, e.outcome, e.reason]]));
    expect(audit.items).toHaveLength(4);
    expect(byTarget.get(first)).toEqual(['product.assign', 'succeeded', null]);
    for (const id of rest) expect(byTarget.get(id)).toEqual(['product.assign', 'failed', 'LICENSE_LIMIT_REACHED']);
    expect(audit.items.find((e) => e.targetAccountId === rest[0])?.details).toMatchObject({ apiCode: 'ADMIN-UAM-409-3' });
  }, 120_000);
});
