/**
 * The back end of the preview: a private MariaDB, the local Forge runtime running the app's real handlers from
 * src/index.ts, the Admin API simulator and the Automation webhook receiver behind the runtime's egress and the
 * Jira/JSM simulator as its product handler, all describing one simulated organization.
 */
import { join } from 'node:path';
import { AdminApiSimulator } from '../admin-api-simulator';
import { AutomationReceiver } from '../automation-receiver';
import {
  activateRuntime, deactivateRuntime, EGRESS_PROBE_URL, egressProbeSeen, followRuntimeClock, ForgeRuntime, installGlobalHooks, loadManifest, SqlDatabase,
  startMariaDb, type MariaDbConnectionInfo,
} from '../forge-runtime';
import { JiraSimulator, jiraProductHandler } from '../jira-simulator';
import { adminApiEgress } from './egressProxy';
import type { PreviewOptions } from './options';
import { peopleOf, previewIdentity, type PreviewIdentity } from './people';
import { startQueuePump, type QueuePump } from './queuePump';
import { readScheduledTriggers, type HandlerLoader, type ScheduledTrigger } from './scheduledTriggers';

// Before anything loads @forge/api: it captures `fetch` when it loads (dev/forge-runtime/README.md).
installGlobalHooks();

/** The repository root (this file is dev/preview-host/backend.ts, or bundled into .tmp/preview/). */
export const repoRoot = (): string => process.env.ULO_PREVIEW_ROOT ?? join(__dirname, '..', '..');

/** The app's function modules, by the file names manifest handlers use (`index.handler` → src/index). */
const loadSrc: HandlerLoader = async (file, name) => {
  if (file !== 'index') throw new Error(`preview: manifest handler file src/${file} is not known to the preview host`);
  const mod = (await import('../../src/index')) as Record<string, unknown>;
  return mod[name];
};

/** A running back end. */
export interface Backend {
  readonly runtime: ForgeRuntime;
  readonly adminApi: AdminApiSimulator;
  readonly adminApiUrl: string;
  readonly jira: JiraSimulator;
  /** Atlassian Automation's incoming webhooks, as the app's webhook targets reach them (one rule ready to use). */
  readonly automation: AutomationReceiver;
  readonly identity: PreviewIdentity;
  readonly pump: QueuePump;
  readonly triggers: ScheduledTrigger[];
  readonly load: HandlerLoader;
  /** The app's resolver handler (`index.handler`). */
  resolver(): Promise<(event: unknown, context: unknown) => Promise<unknown>>;
  stop(): Promise<void>;
}

const log = (verbose: boolean, line: string): void => {
  if (verbose) process.stdout.write(`${line}\n`);
};

/** Cleanups in start order; run in reverse, each even when an earlier one failed. */
class Cleanups {
  private readonly steps: [string, () => Promise<unknown>][] = [];
  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push([name, run]);
  }
  async run(): Promise<string[]> {
    const failures: string[] = [];
    for (const [name, run] of this.steps.splice(0).reverse()) {
      await run().catch((error: unknown) => { failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`); });
    }
    return failures;
  }
}

/** Fails unless @forge/api's fetch goes through the runtime's egress hook (it must load after installGlobalHooks). */
const checkEgressHook = async (): Promise<void> => {
  const api = await import('@forge/api');
  await api.fetch(EGRESS_PROBE_URL).catch(() => undefined);
  if (!egressProbeSeen()) throw new Error('preview: @forge/api loaded before the runtime hooks; egress would reach the network');
};

/** Starts everything behind the page; `stop()` undoes it in reverse (MariaDB last, when it was ours). */
export const startBackend = async (options: PreviewOptions): Promise<Backend> => {
  const root = repoRoot();
  const manifestPath = join(root, 'manifest.yml');
  const cleanups = new Cleanups();
  const adminApi = new AdminApiSimulator({
    org: { users: options.users, now: new Date().toISOString(), seed: options.seed },
    latency: { medianMs: options.latencyMs },
    clock: () => Date.now(),
  });
  const identity = previewIdentity(adminApi.state.org);
  try {
    let info: MariaDbConnectionInfo | undefined = options.mariaDb;
    if (info === undefined) {
      const server = await startMariaDb();
      cleanups.add('MariaDB', () => server.stop());
      info = server;
    }
    const database = await SqlDatabase.open(info, `ulo_preview_${String(process.pid)}_${Date.now().toString(36)}`);
    cleanups.add('database', () => database.close(options.mariaDb !== undefined));
    const runtime = new ForgeRuntime({ database, manifest: loadManifest(manifestPath), app: { cloudId: identity.cloudId }, queue: { loader: loadSrc } });
    activateRuntime(runtime);
    cleanups.add('runtime', () => { deactivateRuntime(runtime); return Promise.resolve(); });
    const unfollow = followRuntimeClock(runtime.clock);
    cleanups.add('app clock', () => { unfollow(); return Promise.resolve(); });
    await checkEgressHook();
    const adminApiUrl = await adminApi.start();
    cleanups.add('Admin API simulator', () => adminApi.stop());
    const automation = new AutomationReceiver();
    automation.addRule('Notify the admins');
    const automationUrl = await automation.start();
    cleanups.add('Automation receiver', () => automation.stop());
    runtime.egressHandler = adminApiEgress(adminApiUrl, automationUrl);
    const jira = new JiraSimulator({
      seed: 7, people: peopleOf(adminApi.state.org), admins: [identity.accountId], baseUrl: identity.siteUrl, projects: 12, serviceDesks: 3,
    });
    runtime.productHandler = jiraProductHandler(jira);
    const pump = startQueuePump(runtime, options.pumpIntervalMs, (error) => {
      console.error('preview: queue delivery failed:', error);
    });
    cleanups.add('queue pump', () => pump.stop());
    log(options.verbose, `preview: Admin API simulator ${adminApiUrl} (${String(options.users)} users), MariaDB ${info.socketPath}`);
    return {
      runtime, adminApi, adminApiUrl, jira, automation, identity, pump,
      triggers: readScheduledTriggers(manifestPath),
      load: loadSrc,
      resolver: async () => {
        const handler = await loadSrc('index', 'handler');
        if (typeof handler !== 'function') throw new Error('preview: src/index.ts exports no `handler` function');
        return handler as (event: unknown, context: unknown) => Promise<unknown>;
      },
      stop: async () => {
        // Ctrl-C also reaches MariaDB's process group, so a step may find its part already gone: report, go on.
        const failures = await cleanups.run();
        if (failures.length > 0) log(options.verbose, `preview: while stopping: ${failures.join('; ')}`);
      },
    };
  } catch (error) {
    await cleanups.run();
    throw error;
  }
};
