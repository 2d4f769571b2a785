/**
 * Issue 5, manual sync (FEATURES S5): each data type reads only what it names — users, last-active dates, groups,
 * the memberships of picked groups, project users, customers — and a running sync refuses a second one.
 */
import { useForgeRuntime } from '../../support/forgeRuntime';
import { kvs } from '@forge/kvs';
import { sql } from '@forge/sql';
import type { SyncDataType } from '../../../src/domain/model/jobs';
import { startSync } from '../../../src/domain/usecases/sync/runLifecycle';
import { storedMembers } from './support/directorySnapshot';
import { expectDatabaseEqualsSimulators, expectNoGuessedActivity, expectSucceeded } from './support/expectations';
import { quietLogs } from './support/quietLogs';
import { calmPlan, startSimulators, type Simulators } from './support/simulators';
import { SyncRig } from './support/syncRig';

const rt = useForgeRuntime();
quietLogs();

let rig: SyncRig;
let sims: Simulators;
beforeAll(async () => {
  rig = new SyncRig(rt);
  rig.reset({ pagesPerSlice: 2, fallbackCallsPerSlice: 20, safetyMarginMs: 1_000 });
  sims = await startSimulators(rt, calmPlan(91, 200));
  await rig.configure(sims);
  const tick = await rig.tick();
  expectSucceeded(await rig.settle(tick?.sync.runId ?? ''));
});
afterAll(async () => {
  await sims.stop();
});

const admin = { kind: 'admin', accountId: 'admin-1' } as const;

/** Runs a manual sync of `dataTypes`; returns the run and the requests each simulator answered meanwhile. */
const manual = async (dataTypes: SyncDataType[], groupIds: string[] = []) => {
  sims.admin.resetCounters();
  const jiraBefore = sims.jira.totalRequests();
  const started = await startSync({ trigger: 'manual', actor: admin, dataTypes, groupIds }, rig.current);
  const run = await rig.settle(started.id);
  const counters = sims.admin.counters();
  return {
    run,
    usersSearch: counters['users-search'].requests,
    groupsSearch: counters['groups-search'].requests,
    lastActive: counters['last-active-dates'].requests,
    jira: sims.jira.totalRequests() - jiraBefore,
  };
};

const org = () => sims.admin.state.org;
const user = (i: number) => org().users[i] ?? (() => { throw new Error(`no user ${String(i)}`); })();
const group = (i: number) => org().groups[i] ?? (() => { throw new Error(`no group ${String(i)}`); })();

// Users whose users/search activity is incomplete are read again by the fallback only when `last-active` is part of
// the run. A partial sync without it keeps what the fallback read before (FEATURES Y5): nobody turns `unknown`.
it('"users" re-reads the directory (statuses, groups, access) and nothing else; activity the fallback read stays known', async () => {
  const suspended = user(10);
  sims.admin.state.mutate(suspended, () => { suspended.membershipStatus = 'suspended'; });
  const result = await manual(['users']);
  expectSucceeded(result.run);
  expect(result).toMatchObject({ groupsSearch: 0, lastActive: 0, jira: 0 });
  expect(result.usersSearch).toBe(2);
  expect(await expectNoGuessedActivity(sims)).toBe(0);
  const truth = await expectDatabaseEqualsSimulators(sims, true);
  expect(truth.members.find((m) => m.accountId === suspended.accountId)?.status).toBe('suspended');
  const stored = await sql
    .prepare<{ account_id: string; directory_id: string | null; directory_name: string | null }>('SELECT account_id, directory_id, directory_name FROM users')
    .execute();
  const byAccount = new Map(stored.rows.map((r) => [r.account_id, { id: r.directory_id, name: r.directory_name }]));
  const directories = org().directories;
  expect(new Set(org().users.map((u) => u.directory)).size).toBe(directories.length);
  for (const u of org().users) {
    const d = directories.find((dir) => dir.index === u.directory);
    expect({ accountId: u.accountId, directory: byAccount.get(u.accountId) }).toEqual({ accountId: u.accountId, directory: { id: d?.id, name: d?.name } });
  }
});

it('"group-memberships" re-reads only the picked groups: members they gained and lost', async () => {
  const [team, other] = [group(org().groups.length - 1), group(org().groups.length - 2)];
  const joined = org().users.find((u) => !team.members.has(u.index) && !other.members.has(u.index)) ?? user(0);
  sims.admin.state.mutate(joined, () => { joined.groups.push(team.index); team.members.add(joined.index); });
  const leaver = user([...other.members].find((i) => !team.members.has(i)) ?? 0);
  sims.admin.state.mutate(leaver, () => { leaver.groups = leaver.groups.filter((g) => g !== other.index); other.members.delete(leaver.index); });
  const result = await manual(['group-memberships'], [team.id, other.id]);
  expectSucceeded(result.run);
  expect(result).toMatchObject({ groupsSearch: 0, lastActive: 0, jira: 0 });
  expect(result.run.checkpoint.counts).toMatchObject({ markedLeft: 0, membershipsPruned: 1 });
  expect(result.run.checkpoint.counts.membershipUsers).toBe(team.members.size + other.members.size - [...team.members].filter((i) => other.members.has(i)).length);
  await expectNoGuessedActivity(sims);
  await expectDatabaseEqualsSimulators(sims, true);
});

it('"project-users" and "customers" read only the Jira site', async () => {
  const result = await manual(['project-users', 'customers']);
  expectSucceeded(result.run);
  expect(result).toMatchObject({ usersSearch: 0, groupsSearch: 0, lastActive: 0 });
  expect(result.jira).toBeGreaterThan(0);
  expect(result.run.checkpoint.counts.projectRoleMembers).toBeGreaterThan(0);
  await expectDatabaseEqualsSimulators(sims, true);
});

it('"last-active" reads the users and the fallback for the users whose activity is missing: all known again', async () => {
  const result = await manual(['last-active']);
  expectSucceeded(result.run);
  expect(result.lastActive).toBe(result.run.checkpoint.counts.activityFilled);
  expect(result.lastActive).toBeGreaterThan(0);
  expect(result.jira).toBe(0);
  await expectDatabaseEqualsSimulators(sims);
});

// FEATURES Y5: the run before this one read every user's activity (the fallback included); a memberships sync reads
// users/search filtered on the groups, where some members' activity is missing, and must leave it as it was.
it('"group-memberships" writes only the picked groups\' memberships: every user\'s activity stays as it was', async () => {
  const hiddenIn = (g: ReturnType<typeof group>) => [...g.members].filter((i) => user(i).activityHidden).length;
  const [first, second] = [...org().groups].sort((a, b) => hiddenIn(b) - hiddenIn(a));
  if (first === undefined || second === undefined) throw new Error('the org needs two groups');
  expect(hiddenIn(first) + hiddenIn(second)).toBeGreaterThan(0);
  const joined = org().users.find((u) => !first.members.has(u.index)) ?? user(0);
  sims.admin.state.mutate(joined, () => { joined.groups.push(first.index); first.members.add(joined.index); });
  expect(await expectNoGuessedActivity(sims)).toBe(0);
  const before = await storedMembers();
  const result = await manual(['group-memberships'], [first.id, second.id]);
  expectSucceeded(result.run);
  expect(result.lastActive).toBe(0);
  const after = await storedMembers();
  const apart = (members: typeof before) => members.map(({ groupIds: _groups, ...rest }) => rest);
  expect(apart(after)).toEqual(apart(before));
  expect(after.find((m) => m.accountId === joined.accountId)?.groupIds).toContain(first.id);
  expect(await expectNoGuessedActivity(sims)).toBe(0);
  await expectDatabaseEqualsSimulators(sims);
});

it('refuses a second sync while one runs, and a memberships sync without groups', async () => {
  const running = await startSync({ trigger: 'manual', actor: admin, dataTypes: ['groups'] }, rig.current);
  await expect(startSync({ trigger: 'manual', actor: admin, dataTypes: ['users'] }, rig.current)).rejects.toMatchObject({ code: 'LOCK_HELD' });
  expect(await kvs.get('lock:sync')).toMatchObject({ token: running.checkpoint.lockToken });
  const settled = await rig.settle(running.id);
  expectSucceeded(settled);
  // The lease's token came back from SQL with the checkpoint, so the run's end freed its own lock.
  expect(settled.checkpoint.lockToken).toBe(running.checkpoint.lockToken);
  expect(await kvs.get('lock:sync')).toBeUndefined();
  await expect(startSync({ trigger: 'manual', actor: admin, dataTypes: ['group-memberships'] }, rig.current)).rejects.toMatchObject({
    code: 'VALIDATION_FAILED',
  });
  await expectDatabaseEqualsSimulators(sims, true);
});
