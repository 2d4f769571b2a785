import fc from 'fast-check';
import type { User } from '../../../../src/domain/model/user';
import type { ActionMethod, BulkAction } from '../../../../src/domain/policy/actionEligibility';
import { startRevert } from '../../../../src/domain/usecases/revert/startRevert';
import { aUser, JIRA_SITE } from '../fixtures';
import { admin, bulkDeps, jiraAccess, type TestDeps } from '../usecases/bulkSupport';
import { revertSlice, runBulk } from './revertSupport';

/** What any job can change of a user, in the fake directory: account, membership, the two Jira groups, Jira access. */
interface State {
  account: User['accountStatus'];
  membership: User['membershipStatus'];
  jiraUsers: boolean;
  okta: boolean;
  jira: boolean;
}
const stateOf = (u: User | undefined): State | null =>
  u === undefined
    ? null
    : {
        account: u.accountStatus,
        membership: u.membershipStatus,
        jiraUsers: u.groups.some((g) => g.id === 'jira-users'),
        okta: u.groups.some((g) => g.id === 'okta'),
        jira: u.productAccess.some((a) => a.resourceId === JIRA_SITE),
      };

const personArb = fc.record({
  managed: fc.boolean(),
  synced: fc.boolean(),
  inactive: fc.boolean(),
  suspended: fc.boolean(),
  direct: fc.boolean(),
  jiraUsers: fc.boolean(),
  okta: fc.boolean(),
  vip: fc.boolean(),
});
type Person = typeof personArb extends fc.Arbitrary<infer T> ? T : never;
const toUser = (p: Person, i: number): User =>
  aUser({
    accountId: `p-${String(i)}`,
    email: p.vip ? `p${String(i)}@vip.test` : `p${String(i)}@example.com`,
    managed: p.managed,
    managementSource: p.managed && p.synced ? 'synced' : 'invited',
    accountStatus: p.inactive ? 'inactive' : 'active',
    membershipStatus: p.suspended ? 'suspended' : 'active',
    groups: [...(p.jiraUsers ? [{ id: 'jira-users', name: 'jira-users' }] : []), ...(p.okta ? [{ id: 'okta', name: 'okta' }] : [])],
    productAccess: p.direct || p.jiraUsers || p.okta ? [jiraAccess] : [],
  });

const jira = { productKey: 'jira-software', resourceId: JIRA_SITE };
const actionArb: fc.Arbitrary<BulkAction> = fc.constantFrom<BulkAction>({ type: 'deactivate' }, { type: 'reactivate' }, { type: 'revoke-product', ...jira }, { type: 'assign-product', ...jira });

/** Someone else's change after the job, straight in the directory. */
const laterChanges = ['reactivate', 'deactivate', 'restore', 'suspend', 'join-jira-users', 'leave-jira-users', 'grant', 'revoke', 'leave-org'] as const;
type Later = (typeof laterChanges)[number];
const applyLater = (deps: TestDeps, accountId: string, change: Later): void => {
  const u = deps.directory.live.get(accountId);
  if (u === undefined) return;
  const withoutJira = (): void => { u.productAccess = u.productAccess.filter((a) => a.resourceId !== JIRA_SITE); };
  const withJira = (): void => { if (!u.productAccess.some((a) => a.resourceId === JIRA_SITE)) u.productAccess.push({ ...jiraAccess }); };
  switch (change) {
    case 'reactivate': u.accountStatus = 'active'; return;
    case 'deactivate': u.accountStatus = 'inactive'; return;
    case 'restore': u.membershipStatus = 'active'; return;
    case 'suspend': u.membershipStatus = 'suspended'; return;
    case 'join-jira-users': if (!u.groups.some((g) => g.id === 'jira-users')) u.groups.push({ id: 'jira-users', name: 'jira-users' }); withJira(); return;
    case 'leave-jira-users': u.groups = u.groups.filter((g) => g.id !== 'jira-users'); withoutJira(); return;
    case 'grant': withJira(); return;
    case 'revoke': withoutJira(); return;
    case 'leave-org': deps.directory.live.delete(accountId);
  }
};

/** The part of a user's state a method changes: what "changed since" is judged on, and what a revert restores. */
const aspect = (method: ActionMethod, s: State): unknown => {
  if (method === 'lifecycle-disable' || method === 'lifecycle-enable') return s.account;
  if (method === 'directory-suspend' || method === 'directory-restore') return s.membership;
  return method === 'group-remove' || method === 'group-add' ? s.jiraUsers : s.jira;
};
/** `now` with the aspect of `method` put back as it was `before` (a group brings its access back with it). */
const restored = (method: ActionMethod, now: State, before: State): State => {
  if (method === 'lifecycle-disable' || method === 'lifecycle-enable') return { ...now, account: before.account };
  if (method === 'directory-suspend' || method === 'directory-restore') return { ...now, membership: before.membership };
  if (method === 'group-remove') return { ...now, jiraUsers: before.jiraUsers, jira: true };
  return { ...now, jira: before.jira };
};

describe('revert (B5), property: over random jobs and random later changes', () => {
  it('every user the job changed and nobody changed since is back as before the job; nobody else is touched', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(personArb, { minLength: 1, maxLength: 8 }),
        actionArb,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...laterChanges)), { maxLength: 6 }),
        async (people, action, later) => {
          const users = people.map(toUser);
          const deps = bulkDeps(users);
          const ids = users.map((u) => u.accountId);
          const before = new Map(ids.map((id) => [id, stateOf(deps.directory.live.get(id))]));
          const jobId = await runBulk(deps, action, ids);
          const changed = new Map((await deps.jobs.changes(jobId, ids)).map((c) => [c.accountId, c.method]));
          const afterJob = new Map(ids.map((id) => [id, stateOf(deps.directory.live.get(id))]));
          for (const [n, change] of later) applyLater(deps, ids[n % ids.length] ?? '', change);
          const afterLater = new Map(ids.map((id) => [id, stateOf(deps.directory.live.get(id))]));

          const outcomes = new Map<string, string>();
          if (changed.size > 0) {
            const revert = await startRevert({ jobId }, admin, deps);
            expect((await revertSlice(deps, revert.jobId)).kind).toBe('finished');
            for (const r of (await deps.jobs.results(revert.jobId, 100, null)).items) outcomes.set(r.accountId, r.outcome);
          }

          for (const id of ids) {
            const method = changed.get(id);
            const was = before.get(id) ?? null;
            const left = afterJob.get(id) ?? null;
            const now = afterLater.get(id) ?? null;
            // Restored: a user the job changed, still in the directory, whose changed part nobody changed since; an
            // assigned role is not taken back from a user a group now gives the product (review #6).
            const viaGroupNow = method === 'role-assign' && now !== null && (now.jiraUsers || now.okta);
            const restore = method !== undefined && was !== null && left !== null && now !== null && !viaGroupNow && aspect(method, now) === aspect(method, left) ? { method, was, now } : null;
            const wanted = restore === null ? now : restored(restore.method, restore.now, restore.was);
            if (restore !== null) expect(aspect(restore.method, restored(restore.method, restore.now, restore.was))).toEqual(aspect(restore.method, restore.was));
            const outcome = method === undefined ? undefined : restore === null ? 'skipped' : 'succeeded';
            expect({ id, state: stateOf(deps.directory.live.get(id)), outcome: outcomes.get(id) }).toEqual({ id, state: wanted, outcome });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
