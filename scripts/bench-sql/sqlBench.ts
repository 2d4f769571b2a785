/**
 * `npm run bench:sql` — the Forge SQL repositories against the local Forge runtime's MariaDB, through
 * the real @forge/sql package: seeds 100,000 users (≈3 products each, 500 groups, 20% inactive) and
 * 1,000,000 audit entries through the repositories, then times the dashboard, user-list pages and audit
 * pages. Ends with one JSON line of the figures (docs/PERFORMANCE.md); the seeding rate is reported, not judged.
 * BENCH_USERS / BENCH_AUDIT scale it down.
 */
import { startForgeRuntime } from '../../tests/support/forgeRuntime';
import { sql } from '@forge/sql';
import { SqlAuditLog } from '../../src/adapters/forge-sql/audit/sqlAuditLog';
import { SqlDashboardQueries } from '../../src/adapters/forge-sql/dashboard/sqlDashboardQueries';
import { SqlGroupRepository } from '../../src/adapters/forge-sql/groups/sqlGroupRepository';
import { SqlProductRepository } from '../../src/adapters/forge-sql/products/sqlProductRepository';
import { rekeyOldInactivityKeys } from '../../src/adapters/forge-sql/schema/keyMigrations';
import { ensureSchema } from '../../src/adapters/forge-sql/schema/migrations';
import { NEVER_ACTIVE_FROM, UNKNOWN_KEY } from '../../src/adapters/forge-sql/users/userKeys';
import { SqlUserRepository } from '../../src/adapters/forge-sql/users/sqlUserRepository';
import { auditScenarios, dashboardScenario, userScenarios, type Scenario } from './scenarios';
import { benchAudit, benchGroups, benchProducts, benchUsers } from './seedBench';
import { measure, print, printTiming, type Timing } from './stats';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const AUDIT = Number(process.env.BENCH_AUDIT ?? 1_000_000);
/** A sync slice that gathers 100 API pages writes them in one call (see the batch-size table). */
const USER_BATCH = 10_000;
const RESYNC_USERS = 20_000;
const AUDIT_BATCH = 20_000;

const users = new SqlUserRepository();
const audit = new SqlAuditLog();

/**
 * Seeds users as a sync's users walk writes them (upsertMany with `staleRows: 'at-mark-left'`, then the walk's end,
 * markLeftBefore, whose sweep and marking are timed with it). Only these calls are timed (generating the data is
 * not).
 */
const seedUsers = async (): Promise<{ perS: number; markLeftMs: number }> => {
  const groups = benchGroups(500);
  await new SqlGroupRepository().upsertMany(groups, 1);
  await new SqlProductRepository().upsertMany(benchProducts, 1);
  let upsertMs = 0;
  for (let from = 0; from < USERS; from += USER_BATCH) {
    const batch = benchUsers(from, Math.min(USER_BATCH, USERS - from), groups);
    const started = performance.now();
    await users.upsertMany(batch, 1, { staleRows: 'at-mark-left' });
    upsertMs += performance.now() - started;
  }
  const started = performance.now();
  await users.markLeftBefore(1);
  const markLeftMs = performance.now() - started;
  return { perS: Math.round(USERS / ((upsertMs + markLeftMs) / 1000)), markLeftMs };
};

/**
 * Re-upserts the first users (the update path of a daily sync's walk) at several batch sizes. The walk's end is not
 * run here (it would mark the other users as left): the sweep is timed once, with the seeding.
 */
const resyncThroughput = async (): Promise<void> => {
  const groups = benchGroups(500);
  const sample = benchUsers(0, Math.min(RESYNC_USERS, USERS), groups);
  for (const size of [100, 1_000, 5_000, 10_000]) {
    const started = performance.now();
    for (let from = 0; from < sample.length; from += size) {
      await users.upsertMany(sample.slice(from, from + size), 2, { staleRows: 'at-mark-left' });
    }
    const perS = Math.round(sample.length / ((performance.now() - started) / 1000));
    print(`  re-sync ${String(sample.length)} users in batches of ${String(size).padStart(6)}: ${String(perS)} users/s`);
  }
};

/**
 * The first schema's keys (1: no activity, 2: unknown) put back on every row, then rewritten as `ensureSchema` does
 * on an install that still has them (schema/keyMigrations.ts); the rewrite gives back the keys the seeding wrote.
 */
const rekeyMs = async (): Promise<number> => {
  for (const table of ['user_product_access', 'users']) {
    await sql.prepare(`UPDATE ${table} SET inactivity_key = 2 WHERE inactivity_key = ?`).bindParams(UNKNOWN_KEY).execute();
    await sql.prepare(`UPDATE ${table} SET inactivity_key = 1 WHERE inactivity_key >= ?`).bindParams(NEVER_ACTIVE_FROM).execute();
  }
  const started = performance.now();
  await rekeyOldInactivityKeys();
  return Math.round(performance.now() - started);
};

const seedAudit = async (): Promise<number> => {
  const started = performance.now();
  for (let from = 0; from < AUDIT; from += AUDIT_BATCH) await audit.append(benchAudit(from, Math.min(AUDIT_BATCH, AUDIT - from), AUDIT));
  return Math.round(AUDIT / ((performance.now() - started) / 1000));
};

const run = async (title: string, scenarios: readonly Scenario[]): Promise<Timing[]> => {
  print(title);
  const timings: Timing[] = [];
  for (const s of scenarios) {
    const t = await measure(s.name, s.run);
    printTiming(t);
    timings.push(t);
  }
  return timings;
};

const worstP95 = (timings: readonly Timing[]): number => Math.max(...timings.map((t) => t.p95Ms));

const databaseMiB = async (): Promise<string> => {
  const r = await sql
    .prepare<{ t: string; mib: string | number }>(
      'SELECT table_name AS t, ROUND((data_length + index_length) / 1048576, 1) AS mib FROM information_schema.tables ' +
        'WHERE table_schema = DATABASE() AND (data_length + index_length) > 1048576 ORDER BY t',
    )
    .execute();
  return r.rows.map((row) => `${row.t} ${String(row.mib)} MiB`).join(', ');
};

/** The search words' table as MariaDB accounts it (statistics refreshed first): rows, data and index bytes. */
const wordTableSize = async (): Promise<string> => {
  await sql.prepare('ANALYZE TABLE user_search_words').execute();
  const [row] = (
    await sql
      .prepare<{ r: number; d: number; i: number }>(
        'SELECT table_rows AS r, data_length AS d, index_length AS i FROM information_schema.tables ' +
          "WHERE table_schema = DATABASE() AND table_name = 'user_search_words'",
      )
      .execute()
  ).rows;
  const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);
  if (row === undefined) return 'not found';
  return `~${String(row.r)} rows, data ${String(row.d)} B (${mib(row.d)} MiB) + indexes ${String(row.i)} B (${mib(row.i)} MiB) = ${mib(row.d + row.i)} MiB`;
};

export const runBench = async (): Promise<void> => {
  const rt = await startForgeRuntime();
  try {
    await ensureSchema();
    print(`bench:sql — ${USERS.toLocaleString('en')} users, ${AUDIT.toLocaleString('en')} audit entries`);
    const seeded = await seedUsers();
    const upsertUsersPerS = seeded.perS;
    print(
      `  upsert users (batches of ${String(USER_BATCH)}, with product access and groups, and the walk's end: ` +
        `markLeftBefore ${String(Math.round(seeded.markLeftMs))} ms): ${String(upsertUsersPerS)} users/s`,
    );
    await resyncThroughput();
    print(`  rewrite of the first schema's never-active and unknown keys (at start, once): ${String(await rekeyMs())} ms`);
    const auditPerS = await seedAudit();
    print(`  append audit entries (batches of ${String(AUDIT_BATCH)}): ${String(auditPerS)} entries/s`);
    print(`  stored: ${await databaseMiB()}`);
    print(`  user_search_words: ${await wordTableSize()}`);
    print(`  SQL requests so far: ${JSON.stringify(rt.sqlStats())}`);

    const dashboard = await run('dashboard (D1 + D2)', dashboardScenario(new SqlDashboardQueries()));
    const usersPage = await run('users list (limit 50)', await userScenarios(users));
    const auditPage = await run('audit log (limit 50)', await auditScenarios(audit, users));
    const figures = {
      dashboard_p95_ms: dashboard.find((t) => t.name.startsWith('dashboard load'))?.p95Ms ?? worstP95(dashboard),
      users_page_p95_ms: worstP95(usersPage.filter((t) => !t.name.startsWith('count'))),
      audit_page_p95_ms: worstP95(auditPage),
      upsert_users_per_s: upsertUsersPerS,
    };
    print(JSON.stringify(figures));
  } finally {
    await rt.stop();
  }
};
