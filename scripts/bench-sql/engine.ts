/**
 * What MariaDB itself allows on this machine: the statements `SqlUserRepository.upsertMany` builds (`userUpsertPlan`,
 * as a sync's walk writes) and the walk's end (`markLeftStatements`), sent straight through mysql2 (no @forge/sql,
 * no local runtime) in the lanes upsertMany runs them in (`runUserUpsert`) — into copies of the runtime's tables
 * with every index, and into copies with no secondary index. It separates the engine's share of the upsert time
 * from ours (docs/PERFORMANCE.md). Not quite like for like: the repository first asks which of the batch's groups
 * are new and skips their registration when none is; here the registration statement is always sent (one per
 * 10,000 users, ~7 KB).
 */
import mysql from 'mysql2/promise';
import type { MariaDbConnectionInfo } from '../../dev/forge-runtime';
import type { User } from '../../src/domain/model/user';
import type { Statement } from '../../src/adapters/forge-sql/sql/sqlValues';
import { markLeftStatements, newWriteId, runMarkLeft, runUserUpsert, userUpsertPlan } from '../../src/adapters/forge-sql/users/userWrites';

const TABLES = ['users', 'user_product_access', 'group_members', 'products', 'directory_groups'];

interface IndexRow { TABLE_NAME: string; INDEX_NAME: string }

/** Users per second for the given batches straight through mysql2, into a copy of `source`'s tables. */
export const engineUpsertRate = async (
  server: MariaDbConnectionInfo,
  source: string,
  batches: () => Iterable<User[]>,
  options: { secondaryIndexes: boolean },
): Promise<number> => {
  const target = `engine_${options.secondaryIndexes ? 'indexed' : 'bare'}`;
  const admin = await mysql.createConnection({ socketPath: server.socketPath, user: server.user });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${target}`);
    await admin.query(`CREATE DATABASE ${target} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await admin.end();
  }
  const pool = mysql.createPool({ socketPath: server.socketPath, user: server.user, database: target, connectionLimit: 4 });
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
    await Promise.all([0, 1, 2, 3].map(() => pool.query('SELECT 1')));
    const runLane = async (lane: readonly Statement[]): Promise<void> => {
      for (const s of lane) await pool.query(s.query, s.params);
    };
    let users = 0;
    let ms = 0;
    for (const batch of batches()) {
      const started = performance.now();
      const plan = userUpsertPlan(batch, 1, newWriteId(), { staleRows: 'at-mark-left' });
      await runUserUpsert(plan, { run: runLane, registerGroups: (p) => runLane(p.groupRegistration) });
      ms += performance.now() - started;
      users += batch.length;
    }
    // The walk's end, as the repository's markLeftBefore runs it.
    const started = performance.now();
    await runMarkLeft(markLeftStatements(1), async (s) => {
      await pool.query(s.query, s.params);
      return 0;
    });
    ms += performance.now() - started;
    await pool.query(`DROP DATABASE ${target}`);
    return Math.round(users / (ms / 1000));
  } finally {
    await pool.end();
  }
};
