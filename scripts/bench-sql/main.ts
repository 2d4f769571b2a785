/**
 * Entry of `npm run bench:sql` (bundled by scripts/run-bench.mjs, run outside jest). It starts the private
 * MariaDB itself, so that the engine comparison (engine.ts) can reach the same server the runtime uses; the
 * runtime's hooks go in before anything loads @forge/api or @forge/sql, so the bench is imported afterwards.
 */
import { installGlobalHooks, startMariaDb } from '../../dev/forge-runtime';

installGlobalHooks();

const main = async (): Promise<void> => {
  const server = await startMariaDb();
  try {
    process.env.FORGE_RUNTIME_MARIADB = JSON.stringify({
      socketPath: server.socketPath, port: server.port, host: server.host, user: server.user, baseDir: server.baseDir, pid: server.pid,
    });
    const bench = await import('./sqlBench');
    await bench.runBench(server);
  } finally {
    await server.stop();
  }
};

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`bench:sql failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
