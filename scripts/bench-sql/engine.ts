/**
 * What MariaDB itself allows on this machine: the statements `SqlUserRepository.upsertMany` builds (`userUpsertPlan`,
 * as a sync's walk writes) and the walk's end (`markLeftStatements`), sent straight through mysql2 (no @forge/sql,
 * no local runtime) in the lanes upsertMany runs them in (`runUserUpsert`) — into copies of the runtime's tables
 * with every index, and into copies with no secondary index. It separates the engine's share of the upsert time
 * from ours (docs/PERFORMANCE.md). With `callsAtOnce: 2`, two calls run side by side (six statements in flight
 * instead of three), which shows whether more connections would let the server go faster. Not quite like for like: the repository first asks which of the batch's groups
 * are new and skips their registration when none is; here the registration statement is always sent (one per
 * 10,000 users, ~7 KB).
 */
import mysql from 'mysql2/promise';
import type { MariaDbConnectionInfo } from '../../dev/forge-runtime';
import type { User } from '../../src/domain/model/user';
import type { Statement } from '../../src/adapters/forge-sql/sql/sqlValues';
import { CpuMeter, type CpuTotals } from './cpu';
import { markLeftStatements, runMarkLeft } from '../../src/adapters/forge-sql/users/userRemovals';
import { runUserUpsert } from '../../src/adapters/forge-sql/users/userUpsertLanes';
import { newWriteId, userUpsertPlan } from '../../src/adapters/forge-sql/users/userWrites';

const TABLES = ['users', 'user_product_access', 'group_members', 'products', 'directory_groups'];

interface IndexRow { TABLE_NAME: string; INDEX_NAME: string }

export interface EngineOptions {
  secondaryIndexes: boolean;
  /** Calls run side by side, each on its own batch (default 1: one call at a time, as the sync makes them). */
  callsAtOnce?: number;
}

/** Users per second for the given batches straight through mysql2, into a copy of `source`'s tables, and the CPU used. */
export const engineUpsertRate = async (
  server: MariaDbConnectionInfo,
  source: string,
  batches: () => Iterable<User[]>,
  options: EngineOptions,
): Promise<{ perS: number; cpu: CpuTotals }> => {
  const callsAtOnce = options.callsAtOnce ?? 1;
  const target = `engine_${options.secondaryIndexes ? 'indexed' : 'bare'}_${String(callsAtOnce)}`;
  const admin = await mysql.createConnection({ socketPath: server.socketPath, user: server.user });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${target}`);
    await admin.query(`CREATE DATABASE ${target} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await admin.end();
  }
  const pool = mysql.createPool({ socketPath: server.socketPath, user: server.user, database: target, connectionLimit: 4 * callsAtOnce });
  try {
    for (const table of TABLES) await pool.query(`CREATE TABLE ${target}.${table} LIKE ${source}.${table}`);
    await pool.query(`INSERT INTO ${target}.products SELECT * FROM ${source}.products`);
    await pool.query(`INSERT INTO ${target}.directory_groups SELECT * FROM ${source}.directory_groups`);
    if (!options.secondaryIndexes) {
      const [indexes] = await pool.query<(IndexRow & mysql.RowDataPacket)[]>(
        "SELECT DISTINCT TABLE_NAME, INDEX_NAME FROM information_schema.statistics WHERE TABLE_SCHEMA = ? AND INDEX_NAME <> 'PRIMARY' " +
          "AND TABLE_NAME IN ('users', 'user_product_access', 'group_members')",
        [target],
      );
      for (const ix of indexes) await pool.query(`ALTER TABLE ${target}.${ix.TABLE_NAME} DROP INDEX ${ix.INDEX_NAME}`);
    }
    // Warm connections, so that the timed part does not open them.
    await Promise.all(Array.from({ length: 4 * callsAtOnce }, () => pool.query('SELECT 1')));
    const runLane = async (lane: readonly Statement[]): Promise<void> => {
      for (const s of lane) await pool.query(s.query, s.params);
    };
    const upsert = async (batch: User[]): Promise<void> => {
      const plan = userUpsertPlan(batch, 1, newWriteId(), { staleRows: 'at-mark-left' });
      await runUserUpsert(plan, { run: runLane, registerGroups: (p) => runLane(p.groupRegistration) });
    };
    const cpu = new CpuMeter(server.pid);
    let users = 0;
    let ms = 0;
    let round: User[][] = [];
    const flush = async (): Promise<void> => {
      const started = performance.now();
      await cpu.track(() => Promise.all(round.map(upsert)));
      ms += performance.now() - started;
      users += round.reduce((n, batch) => n + batch.length, 0);
      round = [];
    };
    for (const batch of batches()) {
      round.push(batch);
      if (round.length === callsAtOnce) await flush();
    }
    if (round.length > 0) await flush();
    // The walk's end, as the repository's markLeftBefore runs it.
    const started = performance.now();
    await cpu.track(() =>
      runMarkLeft(markLeftStatements(1), async (s) => {
        await pool.query(s.query, s.params);
        return 0;
      }),
    );
    ms += performance.now() - started;
    await pool.query(`DROP DATABASE ${target}`);
    return { perS: Math.round(users / (ms / 1000)), cpu: cpu.result };
  } finally {
    await pool.end();
  }
};
