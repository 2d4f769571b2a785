/**
 * `npm run bench:sync -- --users N`: the real hourly trigger and `ulo-sync` consumer (src/index.ts, production
 * composition and limits) on the local Forge runtime with its MariaDB, against the Admin API and Jira simulators in
 * a separate process on local HTTP ports (120 ms median latency; last-active-dates 200/min, the unpublished Admin
 * API endpoints 300/min each, Jira 1200/min per operation). Queue delays are waited out in real time. Prints the
 * wall time, the rate-limit floor of the same work, their ratio, API calls, SQL statements, the time spent in
 * SQL calls and its share of the wall time, queue pushes, the longest push chain and peak RSS, then one JSON line
 * (docs/PERFORMANCE.md).
 */
import { DEFAULT_KEYS } from '../../dev/admin-api-simulator';
import { startForgeRuntime } from '../../tests/support/forgeRuntime';
import { SqlSyncRunRepository } from '../../src/adapters/forge-sql/jobs/sqlSyncRunRepository';
import { KvsSecretStore } from '../../src/adapters/kvs/kvsSecretStore';
import { KvsSettingsStore } from '../../src/adapters/kvs/kvsSettingsStore';
import { defaultSettings } from '../../src/domain/model/settings';
import { deliverInRealTime } from './delivery';
import { rateLimitFloor } from './floor';
import { adminEgress, jiraProduct } from './forwarders';
import { startSimHost } from './host';
import { BENCH_SIM } from './ipc';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export const runBench = async (users: number): Promise<void> => {
  print(`bench:sync — ${String(users)} users; starting the simulators and MariaDB…`);
  const host = await startSimHost(users);
  const rt = await startForgeRuntime();
  try {
    rt.setEgressHandler(adminEgress(host.ready.adminUrl));
    rt.setProductHandler(jiraProduct(host.ready.jiraUrl));
    const app = await import('../../src/index');
    rt.setConsumerHandler('sync-consumer', app.syncConsumer);
    const hour = new Date(rt.runtime.clock.now()).getUTCHours();
    await new KvsSettingsStore().save({ ...defaultSettings(), sync: { hour, timeZone: 'UTC' } });
    const key = DEFAULT_KEYS.valid;
    await new KvsSecretStore().saveKey(key, { orgId: host.ready.orgId, orgName: host.ready.orgName, lastFour: key.slice(-4), expiresAt: null, expirySource: null });
    const sqlBefore = rt.sqlStats();
    const started = performance.now();
    await rt.runtime.invoke({ functionKey: 'hourly-tick', moduleKey: 'ulo-hourly', moduleType: 'core:scheduledTrigger', timeoutMs: 900_000 }, () =>
      app.hourlyTick(),
    );
    const queue = await deliverInRealTime(rt.runtime.queue, rt.runtime.clock);
    const wallSeconds = (performance.now() - started) / 1000;
    const sqlAfter = rt.sqlStats();
    // Time with at least one SQL request being answered by the runtime's SQL service (concurrent ones count once).
    const sqlSeconds = (sqlAfter.busyMs - sqlBefore.busyMs) / 1000;
    const run = await new SqlSyncRunRepository().latest();
    const counters = await host.counters();
    const { floorSeconds, classes } = rateLimitFloor(counters, host.ready.limits, BENCH_SIM.jiraPerMinute);
    const apiCalls = [...Object.values(counters.admin), ...Object.values(counters.jira)].reduce((n, c) => n + c.requests, 0);
    const sql = sqlAfter;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    print(`run ${run?.status ?? 'missing'} (${run?.checkpoint.failureReason ?? 'no failure'}): ${String(run?.processed ?? 0)} users, ` +
      `${String(run?.checkpoint.counts.activityFilled ?? 0)} read by the last-active fallback, ${String(run?.checkpoint.counts.rateLimited ?? 0)} rate-limited continuations`);
    print(`wall time            ${round(wallSeconds).toFixed(1)} s (queue delays waited: ${round(queue.waitedMs / 1000).toFixed(1)} s)`);
    for (const c of classes.slice(0, 6)) {
      print(`  ${c.name.padEnd(34)} ${String(c.calls).padStart(7)} calls at ${String(c.perMinute)}/min = ${round(c.seconds).toFixed(1)} s`);
    }
    print(`rate-limit floor     ${round(floorSeconds).toFixed(1)} s (${classes[0]?.name ?? '-'}); wall / floor = ${round(wallSeconds / floorSeconds, 3).toFixed(3)}`);
    print(`API calls            ${String(apiCalls)} (run counted ${String(run?.apiCalls ?? 0)})`);
    print(`SQL statements       ${String(sql.executed)} (${String(sql.select)} select, ${String(sql.dml)} dml, ${String(sql.ddl)} ddl; ${String(sql.rateLimited)} DML-rate refusals)`);
    print(`time in SQL          ${round(sqlSeconds).toFixed(1)} s with a request in flight = ${round(sqlSeconds / wallSeconds, 3).toFixed(3)} of the wall time ` +
      `(requests summed: ${round((sqlAfter.requestMs - sqlBefore.requestMs) / 1000).toFixed(1)} s; MariaDB: ${round((sqlAfter.dbTimeMs - sqlBefore.dbTimeMs) / 1000).toFixed(1)} s)`);
    print(`queue pushes         ${String(queue.pushes)} (${String(queue.deliveries)} deliveries, ${String(queue.failed)} failed); longest chain ${String(queue.maxChain)}`);
    print(`peak RSS             ${String(peakRssMb)} MB (simulator host: ${String(counters.peakRssMb)} MB, not counted)`);
    print(JSON.stringify({
      users, wall_s: round(wallSeconds), floor_s: round(floorSeconds), ratio: round(wallSeconds / floorSeconds, 3), api_calls: apiCalls,
      sql_statements: sql.executed, sql_s: round(sqlSeconds), sql_share: round(sqlSeconds / wallSeconds, 3), queue_pushes: queue.pushes, max_chain: queue.maxChain, peak_rss_mb: peakRssMb,
    }));
    if (run?.status !== 'succeeded') process.exitCode = 1;
  } finally {
    host.stop();
    await rt.stop();
  }
};
