/**
 * `npm run bench:tasks -- --users N --changes M` (defaults 100,000 and 1,000): automated tasks at scale, on the local
 * Forge runtime with its MariaDB, against the Admin API simulator (120 ms median latency; last-active-dates
 * 200/min, the unpublished endpoints 300/min each, as bench:sync). The synced copy is the simulator's org read
 * through the app's adapter. Then (1) the dry run (`evaluateTask` over Forge SQL) of five tasks, one per rule kind,
 * timed; (2) a seat-cap task that takes Bitbucket from M users, started as Run now and carried out by the real `ulo-jobs`
 * consumer (src/index.ts: production composition), queue delays waited out in real time. Prints the figures, the
 * rate-limit floor of the run's Admin API calls, then one JSON line (docs/PERFORMANCE.md).
 */
import { AdminApiSimulator, DEFAULT_KEYS, ENDPOINT_CLASSES, generateOrg, PUBLISHED_LIMITS } from '../../dev/admin-api-simulator';
import { startForgeRuntime } from '../../tests/support/forgeRuntime';
import { SqlDashboardQueries } from '../../src/adapters/forge-sql/dashboard/sqlDashboardQueries';
import { SqlTaskRepository } from '../../src/adapters/forge-sql/tasks/sqlTaskRepository';
import { KvsSecretStore } from '../../src/adapters/kvs/kvsSecretStore';
import { KvsSettingsStore } from '../../src/adapters/kvs/kvsSettingsStore';
import { buildTaskRunnerDeps } from '../../src/composition';
import { defaultSettings } from '../../src/domain/model/settings';
import type { ProductTarget } from '../../src/domain/model/task';
import { startTaskRun } from '../../src/domain/usecases/tasks/run/startTaskRun';
import { print } from '../bench-sql/stats';
import { deliverInRealTime } from '../bench-sync/delivery';
import { rateLimitFloor } from '../bench-sync/floor';
import { adminEgress } from '../bench-sync/forwarders';
import { BENCH_SIM } from '../bench-sync/ipc';
import { benchTask, timeDryRuns, type SeatCap } from './dryRuns';
import { seedSyncedCopy } from './seed';

const DRY_RUNS = 8;
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
const unlimited = Object.fromEntries(ENDPOINT_CLASSES.map((c) => [c, 1_000_000]));
const benchLimits = Object.fromEntries(
  ENDPOINT_CLASSES.map((c) => [c, c === 'last-active-dates' ? BENCH_SIM.lastActivePerMinute : (PUBLISHED_LIMITS[c] ?? BENCH_SIM.unpublishedPerMinute)]),
);

/** Each product of the org's site and its seats in the synced copy, as the dashboard counts them (as the seat cap does). */
const productSeats = async (): Promise<Map<string, { product: ProductTarget; seats: number }>> => {
  const usage = await new SqlDashboardQueries().productUsage({ now: new Date(), thresholds: defaultSettings().inactivity });
  return new Map(usage.map((p) => [p.productKey, { product: { productKey: p.productKey, resourceId: p.resourceId }, seats: p.seatsUsed }]));
};

const seatCapOf = (seats: Map<string, { product: ProductTarget; seats: number }>, key: string, changes: number): SeatCap => {
  const found = seats.get(key);
  if (found === undefined) throw new Error(`the synced copy has no ${key}`);
  return { product: found.product, maxSeats: Math.max(0, found.seats - changes) };
};

export const runBench = async (users: number, changes: number): Promise<void> => {
  print(`bench:tasks — ${users.toLocaleString('en')} users, a run changing ${changes.toLocaleString('en')}; generating the org…`);
  const org = generateOrg({ users, now: new Date().toISOString(), seed: 'bench-tasks' });
  const twin = new AdminApiSimulator({ org, rateLimits: unlimited, seed: 'bench-tasks' });
  const sim = new AdminApiSimulator({ org, latency: { medianMs: BENCH_SIM.latencyMs }, rateLimits: benchLimits, seed: 'bench-tasks' });
  const rt = await startForgeRuntime();
  try {
    let target = await twin.start();
    const simUrl = await sim.start();
    rt.setEgressHandler((url, init) => adminEgress(target)(url, init));
    const app = await import('../../src/index');
    rt.setConsumerHandler('jobs-consumer', app.jobsConsumer);
    const key = DEFAULT_KEYS.valid;
    await new KvsSettingsStore().save({ ...defaultSettings(), sync: { hour: (new Date().getUTCHours() + 12) % 24, timeZone: 'UTC' } });
    const seedStarted = performance.now();
    const seeded = await seedSyncedCopy(key);
    await new KvsSecretStore().saveKey(key, { orgId: seeded.orgId, orgName: org.name, lastFour: key.slice(-4), expiresAt: null, expirySource: null });
    print(`synced copy: ${seeded.users.toLocaleString('en')} users in ${round((performance.now() - seedStarted) / 1000).toFixed(1)} s (not measured)`);

    const seats = await productSeats();
    const [jira, bitbucket] = [seatCapOf(seats, 'jira-software', changes), seatCapOf(seats, 'bitbucket', changes)];
    print(`dry runs (evaluateTask over Forge SQL, ${String(DRY_RUNS)} runs each after a warm-up; rows = users in the plan):`);
    const { timings, failed } = await timeDryRuns([jira, bitbucket], DRY_RUNS);
    const dryRunP95 = failed > 0 ? null : Math.max(...timings.map((t) => t.p95Ms));

    target = simUrl;
    const task = { ...benchTask(`run: ${bitbucket.product.productKey} at ${String(bitbucket.maxSeats)} seats`, { kind: 'seat-cap', ...bitbucket }), safetyCap: Math.min(10_000, changes) };
    const now = new Date();
    const repository = new SqlTaskRepository();
    await repository.save({ ...task, createdAt: now, updatedAt: now, createdBy: null, deletedAt: null }, null);
    sim.resetCounters();
    const started = performance.now();
    const run = await rt.runtime.invoke({ functionKey: 'resolver', moduleKey: 'ulo-admin-page', moduleType: 'jira:adminPage', timeoutMs: 25_000 }, () =>
      startTaskRun({ taskId: task.id, trigger: 'manual', slotAt: null, actor: { kind: 'system' } }, buildTaskRunnerDeps()),
    );
    const queue = await deliverInRealTime(rt.runtime.queue, rt.runtime.clock);
    const wallSeconds = (performance.now() - started) / 1000;
    const ended = await repository.getRun(run.id);
    const counters = sim.counters();
    const { floorSeconds, classes } = rateLimitFloor({ type: 'counters', admin: counters, jira: {}, peakRssMb: 0 }, benchLimits, BENCH_SIM.jiraPerMinute);
    print(`run ${ended?.status ?? 'missing'}${ended?.reason === null || ended === null ? '' : ` (${ended.reason})`}: ` +
      `${String(ended?.counts.matched ?? 0)} matched, ${String(ended?.counts.changed ?? 0)} changed, ${String(ended?.counts.failed ?? 0)} failed, ${String(ended?.counts.skipped ?? 0)} skipped`);
    print(`wall time            ${round(wallSeconds).toFixed(1)} s (queue delays waited: ${round(queue.waitedMs / 1000).toFixed(1)} s; ${String(queue.deliveries)} deliveries)`);
    for (const c of classes.slice(0, 5)) {
      print(`  ${c.name.padEnd(34)} ${String(c.calls).padStart(7)} calls at ${String(c.perMinute)}/min = ${round(c.seconds).toFixed(1)} s`);
    }
    print(`rate-limit floor     ${round(floorSeconds).toFixed(1)} s (${classes[0]?.name ?? '-'}); wall / floor = ${round(wallSeconds / floorSeconds, 3).toFixed(3)}`);
    print(JSON.stringify({
      users, dry_run_p95_ms: dryRunP95, changes: ended?.counts.changed ?? 0, wall_s: round(wallSeconds), floor_s: round(floorSeconds), ratio: round(wallSeconds / floorSeconds, 3),
    }));
    if (ended?.status !== 'succeeded' || failed > 0) process.exitCode = 1;
  } finally {
    await sim.stop();
    await twin.stop();
    await rt.stop();
  }
};
