/**
 * Test entry point of the local Forge runtime (dev/forge-runtime, ARCHITECTURE §7).
 *
 * Usage — import this module BEFORE anything that loads @forge/api (it installs the egress `fetch`
 * hook at import time; @forge/api captures `fetch` when it loads):
 *
 * ```ts
 * import { useForgeRuntime } from '../../support/forgeRuntime';
 * import { sql } from '@forge/sql';
 * import { kvs } from '@forge/kvs';
 *
 * const rt = useForgeRuntime();              // at module/describe level: registers beforeAll/afterAll
 * beforeEach(() => { rt.reset(); });        // optional: empty KVS/queue, zero counters (SQL data stays)
 * it('works', async () => {
 *   await sql.executeDDL('CREATE TABLE t (id INT PRIMARY KEY)');
 *   expect(rt.sqlStats().ddl).toBe(1);
 * });
 * ```
 *
 * Each test file gets a fresh database (`rt.databaseName`) on the MariaDB server that jest's
 * globalSetup starts once per run (tests/support/globalSetup.ts); without globalSetup the file
 * starts its own server. Options: `sqlLimits`/`kvsLimits`/`queue.limits` override Forge's limits,
 * `manifest` adds test consumers/functions/egress to manifest.yml, `queue.handlers` gives consumer
 * handlers directly (otherwise they load from src/ as the manifest names them),
 * `productHandler`/`egressHandler` plug in simulators. `startForgeRuntime` is the same without jest
 * hooks (benchmarks, scripts): call `stop()` when done.
 */
import { join, resolve } from 'node:path';
import {
  activateRuntime, deactivateRuntime, egressProbeSeen, EGRESS_PROBE_URL, extendManifest, ForgeRuntime, installGlobalHooks,
  loadManifest, SqlDatabase, startMariaDb,
  type EgressHandler, type ForgeRuntimeOptions, type FunctionHandler, type MariaDbConnectionInfo, type ProductHandler, type RuntimeManifest,
} from '../../dev/forge-runtime';

installGlobalHooks();

const ROOT = resolve(__dirname, '../..');

/** Options of {@link useForgeRuntime} / {@link startForgeRuntime}. */
export interface UseForgeRuntimeOptions extends Omit<ForgeRuntimeOptions, 'database' | 'manifest'> {
  /** false: no SQL database (KVS/queue only tests start faster). Default true. */
  sql?: boolean;
  /** Added to manifest.yml (e.g. test-only consumers and functions). */
  manifest?: Partial<RuntimeManifest>;
  /** Replaces manifest.yml entirely. */
  baseManifest?: RuntimeManifest;
}

/** What a test gets. */
export interface ForgeRuntimeHandle {
  readonly runtime: ForgeRuntime;
  /** The per-file database; throws when started with `sql: false`. */
  readonly database: SqlDatabase;
  readonly databaseName: string;
  /** A copy of the SQL statement counters. */
  sqlStats(): ReturnType<NonNullable<ForgeRuntime['sql']>['stats']>;
  /** Empties the KVS and the queue and zeroes SQL counters and the DML rate window (SQL data stays). */
  reset(): void;
  setProductHandler(handler: ProductHandler): void;
  setEgressHandler(handler: EgressHandler): void;
  setConsumerHandler(functionKey: string, handler: FunctionHandler): void;
}

/** A started runtime with its own `stop()`. */
export interface StartedForgeRuntime extends ForgeRuntimeHandle {
  stop(): Promise<void>;
}

function serverInfo(): MariaDbConnectionInfo | undefined {
  const raw = process.env.FORGE_RUNTIME_MARIADB;
  return raw === undefined ? undefined : (JSON.parse(raw) as MariaDbConnectionInfo);
}

let fileCounter = 0;
function databaseNameFor(): string {
  fileCounter++;
  const worker = process.env.JEST_WORKER_ID ?? '0';
  return `forge_w${worker}_${String(process.pid)}_${String(fileCounter)}_${Math.random().toString(36).slice(2, 8)}`;
}

const srcLoader = async (file: string, exportName: string): Promise<unknown> => {
  const mod = (await import(join(ROOT, 'src', file))) as Record<string, unknown>;
  return mod[exportName];
};

/** Starts a runtime (and, without globalSetup, a private MariaDB) and activates it. */
export async function startForgeRuntime(options: UseForgeRuntimeOptions = {}): Promise<StartedForgeRuntime> {
  let ownServer: Awaited<ReturnType<typeof startMariaDb>> | undefined;
  let database: SqlDatabase | undefined;
  if (options.sql !== false) {
    let info = serverInfo();
    if (info === undefined) {
      const setupError = process.env.FORGE_RUNTIME_MARIADB_ERROR;
      if (setupError !== undefined) throw new Error(`forge-runtime: MariaDB did not start in globalSetup: ${setupError}`);
      ownServer = await startMariaDb();
      info = ownServer;
    }
    const name = databaseNameFor();
    database = await SqlDatabase.open(info, name).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`forge-runtime: cannot create database ${name} on ${info.socketPath}: ${reason}`);
    });
  }
  const base = options.baseManifest ?? loadManifest(join(ROOT, 'manifest.yml'));
  const manifest = extendManifest(base, options.manifest ?? {});
  const runtime = new ForgeRuntime({
    ...options, manifest, ...(database === undefined ? {} : { database }),
    queue: { loader: srcLoader, ...options.queue },
  });
  activateRuntime(runtime);
  await checkEgressHookOrder();
  const db = database;
  return {
    runtime,
    get database(): SqlDatabase {
      if (db === undefined) throw new Error('forge-runtime: started with sql: false');
      return db;
    },
    get databaseName(): string { return db?.name ?? ''; },
    sqlStats: () => {
      if (runtime.sql === undefined) throw new Error('forge-runtime: started with sql: false');
      return runtime.sql.stats();
    },
    reset: () => { runtime.kvs.store.clear(); runtime.queue.reset(); runtime.sql?.reset(); },
    setProductHandler: (h) => { runtime.productHandler = h; },
    setEgressHandler: (h) => { runtime.egressHandler = h; },
    setConsumerHandler: (k, h) => { runtime.queue.setHandler(k, h); },
    stop: async () => {
      deactivateRuntime(runtime);
      await db?.close(true);
      await ownServer?.stop();
    },
  };
}

async function checkEgressHookOrder(): Promise<void> {
  const api = await import('@forge/api');
  try {
    await api.fetch(EGRESS_PROBE_URL);
  } catch {
    // the probe reached the real network stack: reported below
  }
  if (!egressProbeSeen()) {
    throw new Error('forge-runtime: @forge/api was loaded before tests/support/forgeRuntime; import forgeRuntime first so egress fetch is simulated');
  }
}

/**
 * Registers beforeAll/afterAll that start and stop a runtime for this test file; returns its handle. Also sets the
 * file's timeout per test and hook to 60 s (docs/decisions.md, "Tests on a busy machine"): the first call into the
 * runtime loads and compiles the app's modules and creates its schema, which on a busy machine takes longer than
 * Jest's default 5 s.
 */
export function useForgeRuntime(options: UseForgeRuntimeOptions = {}): ForgeRuntimeHandle {
  let started: StartedForgeRuntime | undefined;
  const get = (): StartedForgeRuntime => {
    if (started === undefined) throw new Error('forge-runtime: the runtime is only available inside tests and hooks');
    return started;
  };
  jest.setTimeout(60_000);
  beforeAll(async () => { started = await startForgeRuntime(options); }, 60_000);
  afterAll(async () => { await started?.stop(); started = undefined; }, 60_000);
  return {
    get runtime() { return get().runtime; },
    get database() { return get().database; },
    get databaseName() { return get().databaseName; },
    sqlStats: () => get().sqlStats(),
    reset: () => { get().reset(); },
    setProductHandler: (h) => { get().setProductHandler(h); },
    setEgressHandler: (h) => { get().setEgressHandler(h); },
    setConsumerHandler: (k, h) => { get().setConsumerHandler(k, h); },
  };
}
