/**
 * Jest globalSetup: starts the private MariaDB server once per run and publishes where it listens
 * in `process.env.FORGE_RUNTIME_MARIADB` (JSON of MariaDbConnectionInfo), which the test workers
 * inherit. If MariaDB cannot start, the reason goes to `FORGE_RUNTIME_MARIADB_ERROR` so that only
 * tests needing SQL fail (with that message).
 */
import { startMariaDb, type MariaDbServer } from '../../dev/forge-runtime/sql/mariadbServer';

/** Where globalTeardown finds the server (same process as globalSetup). */
export const SERVER_KEY = '__forgeRuntimeMariaDb__';

export default async function globalSetup(): Promise<void> {
  try {
    const server: MariaDbServer = await startMariaDb();
    (globalThis as Record<string, unknown>)[SERVER_KEY] = server;
    const { stop: _stop, ...info } = server;
    process.env.FORGE_RUNTIME_MARIADB = JSON.stringify(info);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.env.FORGE_RUNTIME_MARIADB_ERROR = message;
    process.stderr.write(`forge-runtime: MariaDB did not start; SQL tests will fail: ${message}\n`);
  }
}
