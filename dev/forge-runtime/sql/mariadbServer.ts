/**
 * Starts and stops a private MariaDB server for the local Forge runtime: a temporary datadir, its
 * own TCP port on 127.0.0.1 and unix socket, initialised with `mariadb-install-db` and run with
 * `mariadbd --skip-grant-tables` (root, no password). Server settings follow the TiDB defaults
 * Forge SQL runs with where MariaDB can express them (UTC, utf8mb4_bin, strict SQL mode).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { BASE_DIR_PREFIX, recordOwner, removeStaleServers } from './staleServers';

const execFileAsync = promisify(execFile);

/** Where a running server can be reached; serialisable (written to env/file by jest globalSetup). */
export interface MariaDbConnectionInfo {
  socketPath: string;
  port: number;
  host: string;
  user: string;
  baseDir: string;
  pid: number;
}

/** A running private server. */
export interface MariaDbServer extends MariaDbConnectionInfo {
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and removes its directory. */
  stop(): Promise<void>;
}

/** Options for {@link startMariaDb}. */
export interface StartMariaDbOptions {
  mariadbd?: string;
  installDb?: string;
  /** Parent directory of the temporary base dir (default: $FORGE_RUNTIME_DB_DIR or the OS temp dir). */
  parentDir?: string;
  /** Extra `mariadbd` arguments. */
  extraArgs?: string[];
}

/** The SQL mode of MySQL 8 / TiDB (MariaDB's default lacks ONLY_FULL_GROUP_BY). */
export const TIDB_SQL_MODE =
  'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';

function findBinary(candidates: string[]): string {
  const found = candidates.find((c) => existsSync(c));
  if (found === undefined) {
    throw new Error(`forge-runtime: MariaDB not found (looked for ${candidates.join(', ')}); install the Debian package mariadb-server`);
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => { resolve(port); });
    });
  });
}

async function waitReady(socketPath: string, exited: () => string | undefined, logFile: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const exit = exited();
    if (exit !== undefined) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      throw new Error(`forge-runtime: mariadbd exited (${exit}) during start-up:\n${log.slice(-2000)}`);
    }
    try {
      const conn = await mysql.createConnection({ socketPath, user: 'root' });
      await conn.end();
      return;
    } catch {
      if (Date.now() - started > 30_000) throw new Error('forge-runtime: mariadbd did not accept connections within 30 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

interface Launched {
  child: ChildProcess;
  port: number;
  exited: Promise<void>;
}

/** Spawns `mariadbd` on an initialised datadir and waits until it accepts connections. */
async function launch(mariadbd: string, baseDir: string, port: number, extraArgs: string[]): Promise<Launched> {
  const socketPath = join(baseDir, 'mariadb.sock');
  const logFile = join(baseDir, 'error.log');
  const child = spawn(mariadbd, [
    '--no-defaults', `--datadir=${join(baseDir, 'data')}`, '--user=root', `--port=${String(port)}`, '--bind-address=127.0.0.1',
    `--socket=${socketPath}`, `--pid-file=${join(baseDir, 'mariadb.pid')}`, `--log-error=${logFile}`,
    '--skip-grant-tables', '--skip-name-resolve', '--skip-log-bin', '--default-time-zone=+00:00',
    '--character-set-server=utf8mb4', '--collation-server=utf8mb4_bin', `--sql-mode=${TIDB_SQL_MODE}`,
    '--max-allowed-packet=64M', '--max-connections=500', '--innodb-buffer-pool-size=512M',
    '--innodb-flush-log-at-trx-commit=2',
    // A redo log that holds a burst of writes (100,000 synced users write ≈ 370 MB of redo): with the 96 MiB
    // default, InnoDB must flush dirty pages every few statements to free log space, which cost about a quarter
    // of the server's CPU in bench:sql (docs/PERFORMANCE.md). It takes 1 GiB of disk in the throw-away datadir.
    '--innodb-log-file-size=1G', ...extraArgs,
  ], { stdio: 'ignore' });
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => { exit = `code ${String(code)}, signal ${String(signal)}`; resolve(); });
  });
  child.unref();
  try {
    await waitReady(socketPath, () => exit, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return { child, port, exited };
}

/** Initialises a fresh datadir and starts `mariadbd` on it; resolves once it accepts connections. */
export async function startMariaDb(options: StartMariaDbOptions = {}): Promise<MariaDbServer> {
  const mariadbd = options.mariadbd ?? findBinary(['/usr/sbin/mariadbd', '/usr/bin/mariadbd', '/usr/sbin/mysqld']);
  const installDb = options.installDb ?? findBinary(['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db']);
  const parent = options.parentDir ?? process.env.FORGE_RUNTIME_DB_DIR ?? tmpdir();
  await removeStaleServers(parent);
  const baseDir = await mkdtemp(join(parent, BASE_DIR_PREFIX));
  await recordOwner(baseDir);
  const dataDir = join(baseDir, 'data');
  const socketPath = join(baseDir, 'mariadb.sock');
  try {
    await execFileAsync(installDb, [
      '--no-defaults', `--datadir=${dataDir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db',
    ]);
  } catch (error) {
    await rm(baseDir, { recursive: true, force: true });
    throw error;
  }
  let launched: Launched | undefined;
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && launched === undefined; attempt++) {
    try {
      launched = await launch(mariadbd, baseDir, await freePort(), options.extraArgs ?? []);
    } catch (error) {
      lastError = error; // most often: another process took the free port first
    }
  }
  if (launched === undefined) {
    await rm(baseDir, { recursive: true, force: true });
    throw lastError instanceof Error ? lastError : new Error('forge-runtime: mariadbd did not start');
  }
  const { child, port, exited } = launched;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(baseDir, { recursive: true, force: true });
  };
  return { socketPath, port, host: '127.0.0.1', user: 'root', baseDir, pid: child.pid ?? -1, stop };
}
