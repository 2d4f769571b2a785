/**
 * One installation's schema on the private MariaDB server: a connection pool bound to a database,
 * plus a side connection used to `KILL QUERY` statements that overrun Forge's timeouts.
 */
import mysql from 'mysql2/promise';
import type { FieldPacket, Pool, PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { MariaDbConnectionInfo } from './mariadbServer';

/** What one statement returned: rows (reads) or a header (writes/DDL), and column definitions. */
export interface RawResult {
  rows: RowDataPacket[] | ResultSetHeader;
  fields: FieldPacket[] | undefined;
}

/** Database names the runtime creates: letters, digits and underscores only. */
export function assertDatabaseName(name: string): void {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`forge-runtime: invalid database name '${name}'`);
}

function poolFor(info: MariaDbConnectionInfo, database?: string): Pool {
  return mysql.createPool({
    socketPath: info.socketPath,
    user: info.user,
    ...(database === undefined ? {} : { database }),
    connectionLimit: 10,
    multipleStatements: false,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: false,
    timezone: 'Z',
    charset: 'utf8mb4_bin',
  });
}

/** A pool on one database of the private server. */
export class SqlDatabase {
  private readonly pool: Pool;
  private readonly admin: Pool;

  private constructor(readonly name: string, info: MariaDbConnectionInfo) {
    this.pool = poolFor(info, name);
    this.admin = poolFor(info);
  }

  /** Creates (or reuses, with `fresh: false`) a database and opens a pool on it. */
  static async open(info: MariaDbConnectionInfo, name: string, fresh = true): Promise<SqlDatabase> {
    assertDatabaseName(name);
    const setup = await mysql.createConnection({ socketPath: info.socketPath, user: info.user });
    try {
      if (fresh) await setup.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await setup.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    } finally {
      await setup.end();
    }
    return new SqlDatabase(name, info);
  }

  /**
   * Runs one statement on a pooled connection. `onStart` receives a function that kills the
   * statement (used by the caller's timeout) once the connection is known.
   */
  async run(sqlText: string, values: unknown[], onStart: (kill: () => Promise<void>) => void): Promise<RawResult> {
    const conn: PoolConnection = await this.pool.getConnection();
    onStart(async () => { await this.admin.query(`KILL QUERY ${String(conn.threadId)}`); });
    try {
      const [rows, fields] = await conn.query<RowDataPacket[] | ResultSetHeader>(sqlText, values);
      return { rows, fields };
    } finally {
      conn.release();
    }
  }

  /** Closes the pools; with `drop` also drops the database. */
  async close(drop = false): Promise<void> {
    if (drop) await this.admin.query(`DROP DATABASE IF EXISTS \`${this.name}\``);
    await this.pool.end();
    await this.admin.end();
  }
}
