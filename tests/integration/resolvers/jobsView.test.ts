import { useAppRig } from './support/harness';
import { adminWithSeededOrg } from './support/seed';
import type { BulkJobDto, BulkPlanDto, JobListItemDto } from '../../../src/contract';
import type { User } from '../../../src/domain/model/user';

const rig = useAppRig(40);
let admin = '';
let users: User[] = [];

beforeAll(async () => {
  ({ admin, users } = await adminWithSeededOrg(rig));
}, 60_000);

const person = (u: User): boolean => u.accountStatus === 'active' && u.membershipStatus === 'active' && u.platformRoles.length === 0;
type ResultsPage = { items: { accountId: string; name: string | null; outcome: string; messageKey: string }[]; next: string | null };

describe('the Jobs view (B3): every job listed, its results by outcome, Retry failed users', () => {
  it('lists the bulk job (running, then finished) beside the syncs, with its per-user results filtered by outcome', async () => {
    const invited = users.filter((u) => person(u) && u.managed && u.managementSource === 'invited').slice(0, 3);
    // The identity provider took this account over after the last sync: the plan cannot know, the directory refuses.
    const scim = invited.pop();
    expect(invited).toHaveLength(2);
    const taken = rig.sim.state.user(scim!.accountId);
    if (taken) taken.managementSource = 'synced';
    const selection = { kind: 'accounts' as const, accountIds: [...invited, scim!].map((u) => u.accountId) };
    const job = (await rig.ok(admin, 'bulk.start', { action: { type: 'deactivate' }, selection })) as BulkJobDto;

    // The page was reloaded while the job runs: the bulk panel and the Jobs view find it by query.
    expect(await rig.ok(admin, 'bulk.status', {})).toMatchObject({ jobId: job.jobId, status: 'queued' });
    const running = ((await rig.ok(admin, 'jobs.list', {})) as { items: JobListItemDto[] }).items;
    expect(running[0]).toMatchObject({ kind: 'bulk-action', jobId: job.jobId, status: 'queued', total: 3, createdBy: admin, action: { type: 'deactivate' } });
    expect(running[0]).toHaveProperty('createdByName', rig.sim.state.user(admin)?.name);

    await rig.rt.runtime.queue.drain();
    const listed = ((await rig.ok(admin, 'jobs.list', { limit: 10 })) as { items: JobListItemDto[] }).items;
    expect(listed.find((i) => i.kind === 'bulk-action')).toMatchObject({ status: 'partially-failed', succeeded: 2, failed: 1, percent: 100 });

    const failed = (await rig.ok(admin, 'jobs.results', { jobId: job.jobId, outcome: 'failed' })) as ResultsPage;
    expect(failed.items).toEqual([expect.objectContaining({ accountId: scim!.accountId, name: scim!.name, outcome: 'failed', messageKey: 'errors.FORBIDDEN' })]);
    const succeeded = (await rig.ok(admin, 'jobs.results', { jobId: job.jobId, outcome: 'succeeded', limit: 1 })) as ResultsPage;
    expect(succeeded.items).toHaveLength(1);
    const more = (await rig.ok(admin, 'jobs.results', { jobId: job.jobId, outcome: 'succeeded', limit: 1, after: succeeded.next })) as ResultsPage;
    expect([...succeeded.items, ...more.items].map((r) => r.accountId).sort()).toEqual(invited.map((u) => u.accountId).sort());
    expect(await rig.invoke(admin, 'jobs.results', { jobId: job.jobId, outcome: 'pending' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await rig.invoke(admin, 'jobs.results', { jobId: 'none-such' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // Retry failed users: planned and confirmed like any bulk action, over the failed users only.
    const retry = { action: { type: 'deactivate' as const }, selection: { kind: 'failed-in-job' as const, jobId: job.jobId } };
    const plan = (await rig.ok(admin, 'bulk.plan', retry)) as BulkPlanDto;
    expect(plan.items.map((i) => i.accountId)).toEqual([scim!.accountId]);
    expect(await rig.ok(admin, 'bulk.start', retry)).toMatchObject({ total: 1, status: 'queued' });
  }, 120_000);

  it('lists a manual sync beside the bulk jobs, newest first', async () => {
    await rig.invoke(admin, 'sync.start', { dataTypes: ['groups'] });
    const listed = ((await rig.ok(admin, 'jobs.list', {})) as { items: JobListItemDto[] }).items;
    expect(listed.map((i) => i.kind)).toEqual(['sync', 'bulk-action', 'bulk-action']);
    expect(listed[0]).toMatchObject({ kind: 'sync', trigger: 'manual', dataTypes: ['groups'] });
  });
});
