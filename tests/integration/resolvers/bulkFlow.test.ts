import { responses, SIM_KEY, useAppRig } from './support/harness';
import { adminWithSeededOrg } from './support/seed';
import { ForgeJobQueue } from '../../../src/adapters/events/jobQueue';
import type { AuditPageDto, BulkJobDto, BulkPlanDto, HandoffRowDto } from '../../../src/contract';
import type { User } from '../../../src/domain/model/user';

const rig = useAppRig(40);
let admin = '';
let users: User[] = [];

const person = (u: User): boolean =>
  u.accountStatus === 'active' && u.membershipStatus === 'active' && u.platformRoles.length === 0 && u.email !== null;

beforeAll(async () => {
  ({ admin, users } = await adminWithSeededOrg(rig));
}, 60_000);

describe('bulk deactivate: plan → start → consumer → results (B1–B4)', () => {
  const pick = (test: (u: User) => boolean, n: number): User[] => {
    const found = users.filter((u) => person(u) && test(u)).slice(0, n);
    expect(found).toHaveLength(n);
    return found;
  };
  let invited: User[] = [];
  let unmanaged: User;
  let scim: User;
  let guarded: User;
  let selection: { kind: 'accounts'; accountIds: string[] };

  beforeAll(() => {
    invited = pick((u) => u.managed && u.managementSource === 'invited', 4);
    guarded = invited.pop() as User;
    [unmanaged] = pick((u) => !u.managed, 1) as [User];
    [scim] = pick((u) => u.managed && u.managementSource === 'synced', 1) as [User];
    selection = { kind: 'accounts', accountIds: [...invited, unmanaged, scim, guarded].map((u) => u.accountId) };
  });

  it('plans on the server: protected users and IdP-provisioned accounts are skipped, unmanaged ones only suspended', async () => {
    await rig.ok(admin, 'settings.save', { protectedEmails: [guarded.email] });
    const plan = (await rig.ok(admin, 'bulk.plan', { action: { type: 'deactivate' }, selection })) as BulkPlanDto;
    expect(plan.summary).toEqual({
      total: 6,
      willChange: 4,
      skipped: 2,
      byMethod: { 'lifecycle-disable': 3, 'directory-suspend': 1 },
      skippedByReason: { protected: 1, 'idp-managed': 1 },
    });
    const skipped = plan.items.find((i) => i.accountId === guarded.accountId);
    expect(skipped).toMatchObject({ decision: 'skip', reason: 'protected', messageKey: 'bulk.reasons.protected', name: guarded.name });
    expect(plan.items.find((i) => i.accountId === scim.accountId)).toMatchObject({ decision: 'skip', reason: 'idp-managed' });
    const handoff = (await rig.ok(admin, 'bulk.handoff', { action: { type: 'deactivate' }, selection })) as { items: HandoffRowDto[] };
    const directory = rig.sim.state.org.directories.find((d) => d.id === scim.directory?.id);
    expect(directory?.name).toBeTruthy();
    expect(handoff.items).toEqual([
      { accountId: scim.accountId, name: scim.name, email: scim.email, reason: 'idp-managed', group: null, groupDirectory: null, groupDirectoryId: null, directory: directory?.name, directoryId: directory?.id },
    ]);
  });

  it('runs as a job on the queue; a second start while it runs is refused', async () => {
    const job = (await rig.ok(admin, 'bulk.start', { action: { type: 'deactivate' }, selection })) as BulkJobDto;
    expect(job).toMatchObject({ status: 'queued', total: 6, processed: 0, percent: 0, createdBy: admin });
    expect(await rig.invoke(admin, 'bulk.start', { action: { type: 'deactivate' }, selection })).toMatchObject({ ok: false, error: { code: 'LOCK_HELD' } });
    expect(await rig.ok(admin, 'bulk.status', {})).toMatchObject({ jobId: job.jobId });

    await rig.rt.runtime.queue.drain();

    const done = (await rig.ok(admin, 'bulk.status', { jobId: job.jobId })) as BulkJobDto;
    expect(done).toMatchObject({ status: 'succeeded', processed: 6, succeeded: 4, failed: 0, skipped: 2, percent: 100 });
    expect(await rig.ok(admin, 'bulk.status', {})).toBeNull();

    const results = (await rig.ok(admin, 'jobs.results', { jobId: job.jobId })) as { items: { accountId: string; outcome: string; reason: string | null; messageKey: string }[] };
    const byId = new Map(results.items.map((r) => [r.accountId, r]));
    expect(byId.get(guarded.accountId)).toMatchObject({ outcome: 'skipped', reason: 'protected' });
    expect(byId.get(scim.accountId)).toMatchObject({ outcome: 'skipped', reason: 'idp-managed', messageKey: 'bulk.reasons.idp-managed' });
    for (const u of [...invited, unmanaged]) expect(byId.get(u.accountId)).toMatchObject({ outcome: 'succeeded', messageKey: 'bulk.outcomes.succeeded' });

    // The directory changed (and only for the users that were meant to change).
    for (const u of invited) expect(rig.sim.state.user(u.accountId)?.accountStatus).toBe('inactive');
    expect(rig.sim.state.user(unmanaged.accountId)?.membershipStatus).toBe('suspended');
    expect(rig.sim.state.user(guarded.accountId)?.accountStatus).toBe('active');
    expect(rig.sim.state.user(scim.accountId)?.accountStatus).toBe('active');

    // One audit entry per attempt, each with its outcome.
    const audit = (await rig.ok(admin, 'audit.list', { jobId: job.jobId, limit: 100 })) as AuditPageDto;
    expect(audit.items).toHaveLength(6);
    const outcomes = new Map(audit.items.map((e) => [e.targetAccountId, [e.action, e.outcome, e.reason]]));
    expect(outcomes.get(guarded.accountId)).toEqual(['user.deactivate', 'skipped', 'protected']);
    expect(outcomes.get(scim.accountId)).toEqual(['user.deactivate', 'skipped', 'idp-managed']);
    expect(rig.sim.state.user(scim.accountId)?.accountStatus).toBe('active');
    expect(outcomes.get(unmanaged.accountId)).toEqual(['user.suspend', 'succeeded', null]);
    expect(audit.items.every((e) => e.actor.kind === 'admin' && e.jobId === job.jobId)).toBe(true);
    expect(audit.items.find((e) => e.targetAccountId === unmanaged.accountId)?.summary).toEqual({ key: 'auditDetails.changed.directory-suspend', params: expect.any(Object) as object });

    // The synced copy shows the change before the next sync.
    const detail = (await rig.ok(admin, 'users.detail', { accountId: invited[0]?.accountId })) as { user: { accountStatus: string }; audit: AuditPageDto };
    expect(detail.user.accountStatus).toBe('inactive');
    expect(detail.audit.items[0]).toMatchObject({ action: 'user.deactivate', outcome: 'succeeded' });

    // A re-delivered slice changes nothing and audits nothing twice.
    await rig.rt.runtime.invoke({ accountId: admin, functionKey: 'resolver' }, () =>
      new ForgeJobQueue().push({ kind: 'bulk-action', jobId: job.jobId, slice: 0 }),
    );
    await rig.rt.runtime.queue.drain();
    expect(await rig.ok(admin, 'bulk.status', { jobId: job.jobId })).toMatchObject({ status: 'succeeded', processed: 6 });
    expect(((await rig.ok(admin, 'audit.list', { jobId: job.jobId, limit: 100 })) as AuditPageDto).items).toHaveLength(6);
  });

  it('a revoke plan names the group it removes, and the IdP-synced group that blocks it', async () => {
    const inGroup = (u: User, name: string): boolean => u.groups.some((g) => g.name === name);
    const fresh = (u: User): boolean => !selection.accountIds.includes(u.accountId);
    const [viaIdp] = pick((u) => fresh(u) && inGroup(u, 'okta-jira-users'), 1) as [User];
    const [viaGroup] = pick((u) => fresh(u) && inGroup(u, 'jira-software-users-site1') && !u.groups.some((g) => g.name.startsWith('okta-')), 1) as [User];
    // The first site's Jira, which both groups grant.
    const jira = viaIdp.productAccess.find((a) => a.productKey === 'jira-software' && viaGroup.productAccess.some((b) => b.resourceId === a.resourceId));
    if (jira === undefined) throw new Error('no Jira site shared by both users');
    const action = { type: 'revoke-product', productKey: 'jira-software', resourceId: jira.resourceId };
    const revokeSelection = { kind: 'accounts', accountIds: [viaIdp.accountId, viaGroup.accountId] };
    const plan = (await rig.ok(admin, 'bulk.plan', { action, selection: revokeSelection })) as BulkPlanDto;
    const oktaName = 'okta-jira-users';
    expect(plan.items).toEqual([
      expect.objectContaining({ accountId: viaIdp.accountId, decision: 'skip', reason: 'idp-synced-group', groups: [oktaName] }),
      expect.objectContaining({ accountId: viaGroup.accountId, decision: 'will-change', method: 'group-remove', groups: ['jira-software-users-site1'] }),
    ]);
    const handoff = (await rig.ok(admin, 'bulk.handoff', { action, selection: revokeSelection })) as { items: HandoffRowDto[] };
    expect(handoff.items).toEqual([expect.objectContaining({ accountId: viaIdp.accountId, reason: 'idp-synced-group', group: oktaName })]);
  });

  it('never puts the API key into any response (P2)', () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const response of responses) expect(JSON.stringify(response)).not.toContain(SIM_KEY);
  });
});
