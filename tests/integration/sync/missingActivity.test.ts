/**
 * Issue 5: no user is marked inactive because data was missing. Users whose activity users/search did not give
 * in full stay `unknown` (never counted as inactive) until the per-user fallback has read them: when that endpoint
 * is down the run fails, when one user cannot be read the run is partially failed, and the next sync fills them in.
 */
import { useForgeRuntime } from '../../support/forgeRuntime';
import { DEFAULT_KEYS } from '../../../dev/admin-api-simulator';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { KvsSecretStore } from '../../../src/adapters/kvs/kvsSecretStore';
import { ProtectedEmails } from '../../../src/domain/policy/protectedEmails';
import { expectDatabaseEqualsSimulators, expectNoGuessedActivity, expectSucceeded } from './support/expectations';
import { storedMembers } from './support/directorySnapshot';
import { quietLogs } from './support/quietLogs';
import { calmPlan, startSimulators, type Simulators } from './support/simulators';
import { SyncRig } from './support/syncRig';

const rt = useForgeRuntime();
quietLogs();
const DAY_MS = 86_400_000;

let rig: SyncRig;
let sims: Simulators;
beforeAll(async () => {
  rig = new SyncRig(rt);
  // The fallback's failures are staged in the activity phase, so the early lane beside the walk is off here
  // (earlyActivity.ts hands any user it cannot read to that phase; faultSeeds.test.ts runs with it on).
  rig.reset({ pagesPerSlice: 1, fallbackCallsPerSlice: 15, fallbackBatch: 6, safetyMarginMs: 1_000, earlyActivity: false });
  sims = await startSimulators(rt, calmPlan(81, 150));
  await rig.configure(sims);
});
afterAll(async () => {
  await sims.stop();
});

/** Users whose users/search activity cannot be trusted: hidden, no product at all, or no product with a timestamp. */
const incomplete = (): Set<string> => {
  const hidden = new Set(sims.admin.state.org.users.filter((u) => u.activityHidden).map((u) => u.accountId));
  return new Set(
    sims.admin.state
      .directoryEntries()
      .filter((e) => hidden.has(e.accountId) || e.products.length === 0 || e.products.every((p) => p.lastActiveAt === null))
      .map((e) => e.accountId),
  );
};

/** Runs the sync the next day's tick starts; returns the run. */
const nextDaysSync = async (): Promise<Awaited<ReturnType<SyncRig['settle']>>> => {
  rt.runtime.clock.advance(DAY_MS);
  sims.admin.resetCounters();
  const tick = await rig.tick();
  expect(tick?.sync.action).toBe('started');
  return rig.settle(tick?.sync.runId ?? '');
};

const context = { now: new Date(), thresholds: { warningDays: 90, overdueDays: 180 }, protectedEmails: ProtectedEmails.from([]) };

it('keeps every user the fallback could not read unknown — never inactive — when last-active-dates is down', async () => {
  sims.admin.setFaults([{ kind: 'server-error', endpoints: ['last-active-dates'], status: 503 }]);
  const run = await nextDaysSync();
  expect({ status: run.status, reason: run.checkpoint.failureReason }).toEqual({ status: 'failed', reason: 'UPSTREAM_FAILED' });
  expect(await expectNoGuessedActivity(sims)).toBe(incomplete().size);
  const unknown = (await storedMembers()).filter((m) => !m.activityKnown).map((m) => m.accountId);
  expect(new Set(unknown)).toEqual(incomplete());
  const users = new SqlUserRepository();
  const inactive = await users.list(
    { filter: { inactivity: ['warning', 'overdue', 'never-active'] }, sort: { key: 'name', direction: 'asc' }, limit: 500, after: null },
    { ...context, now: rig.now() },
  );
  expect(inactive.items.filter((u) => unknown.includes(u.accountId))).toEqual([]);
  expect(await users.countMatching({ inactivity: ['unknown'] }, { ...context, now: rig.now() })).toBe(unknown.length);
});

it('marks the run partially failed when one user cannot be read, and keeps only that user unknown', async () => {
  sims.admin.setFaults([{ kind: 'server-error', endpoints: ['last-active-dates'], from: 3, count: 6, status: 503 }]);
  const run = await nextDaysSync();
  expect(run.status).toBe('partially-failed');
  expect(run.checkpoint.counts.activityFailed).toBe(1);
  expect(await expectNoGuessedActivity(sims)).toBe(1);
});

it('fills in every unknown user on the next sync once the endpoint answers again', async () => {
  sims.admin.setFaults([]);
  expectSucceeded(await nextDaysSync());
  expect(await expectNoGuessedActivity(sims)).toBe(0);
  await expectDatabaseEqualsSimulators(sims);
});

it('fails the run at once when the key is rejected, and leaves the synced directory as it was', async () => {
  const info = await new KvsSecretStore().info();
  if (info === null) throw new Error('no key saved');
  await new KvsSecretStore().saveKey(DEFAULT_KEYS.expired, { ...info, lastFour: DEFAULT_KEYS.expired.slice(-4) });
  rig.reset({ pagesPerSlice: 1, safetyMarginMs: 1_000 });
  const run = await nextDaysSync();
  expect({ status: run.status, reason: run.checkpoint.failureReason, retries: run.checkpoint.counts.retries }).toEqual({
    status: 'failed',
    reason: 'API_KEY_REJECTED',
    retries: 1,
  });
  await expectDatabaseEqualsSimulators(sims);
});
