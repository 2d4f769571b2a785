/**
 * The local Forge runtime: one object that answers every `__forge_fetch__` call the @forge packages
 * make (sql, kvs, queue, product requests) and the egress `fetch`, for one simulated installation.
 * Activate it with {@link activateRuntime} (globalHooks.ts).
 */
import { z } from 'zod';
import { RuntimeClock } from './clock';
import { errorResponse } from './http';
import { currentInvocation, runInvocation, type InvocationInit } from './invocation';
import type { RuntimeManifest } from './manifest';
import { egressAllowed } from './product/egress';
import { noEgressHandler, noProductHandler, type EgressHandler, type ProductHandler } from './product/productRequests';
import { createRuntimeGlobal, DEFAULT_APP, type AppIdentity } from './runtimeGlobals';
import { KvsService } from './kvs/kvsService';
import type { KvsLimits } from './kvs/kvsRules';
import { SqlService } from './sql/sqlService';
import type { SqlLimits } from './sql/sqlLimits';
import type { SqlDatabase } from './sql/sqlDatabase';
import { QueueService, type QueueOptions } from './queue/queueService';
import { WebTriggerService } from './webtrigger/webTriggerService';

/** Options of {@link ForgeRuntime}. */
export interface ForgeRuntimeOptions {
  /** The installation's SQL database; without it SQL requests fail with APP_NOT_ENABLED. */
  database?: SqlDatabase;
  sqlLimits?: Partial<SqlLimits>;
  kvsLimits?: Partial<KvsLimits>;
  /** Functions, consumers and egress allow-list (see manifest.ts). */
  manifest?: RuntimeManifest;
  app?: Partial<AppIdentity>;
  queue?: QueueOptions;
  productHandler?: ProductHandler;
  egressHandler?: EgressHandler;
  /** What `invocationRemainingTimeInMillis()` reports outside an invocation (default 25 s). */
  outsideInvocationMs?: number;
}

const Target = z.object({
  type: z.string(),
  provider: z.string().optional(),
  remote: z.string().optional(),
  accountId: z.string().optional(),
}).loose();

/** One simulated Forge installation. */
export class ForgeRuntime {
  readonly clock = new RuntimeClock();
  readonly app: AppIdentity;
  readonly manifest: RuntimeManifest;
  readonly kvs: KvsService;
  readonly sql: SqlService | undefined;
  readonly queue: QueueService;
  /** The manifest's web triggers: their URLs (@forge/api `webTrigger`) and {@link WebTriggerService.call}. */
  readonly webTriggers: WebTriggerService;
  /** The object installed as `globalThis.__forge_runtime__`. */
  readonly globalObject: Record<string, unknown>;
  productHandler: ProductHandler;
  egressHandler: EgressHandler;

  constructor(options: ForgeRuntimeOptions = {}) {
    this.app = { ...DEFAULT_APP, ...options.app };
    this.manifest = options.manifest ?? { functions: [], consumers: [], egress: [] };
    this.kvs = new KvsService(this.clock, options.kvsLimits);
    const db = options.database;
    this.sql = db === undefined ? undefined : new SqlService(() => db, options.sqlLimits);
    this.queue = new QueueService(this.clock, this.manifest, options.queue);
    this.webTriggers = new WebTriggerService(this.manifest, `ari:cloud:jira::site/${this.app.cloudId}`, options.queue?.loader, this.queue.handlers);
    this.productHandler = options.productHandler ?? noProductHandler;
    this.egressHandler = options.egressHandler ?? noEgressHandler;
    const outside = options.outsideInvocationMs ?? 25_000;
    this.globalObject = createRuntimeGlobal(this.app, () => outside);
  }

  /** Runs `fn` as an invocation (user, timeout, function key) — what Forge does around a handler. */
  invoke<T>(init: InvocationInit, fn: () => Promise<T>): Promise<T> {
    return runInvocation(init, fn);
  }

  /** The `__forge_fetch__(target, path, init)` implementation. */
  async forgeFetch(target: unknown, path: string, init?: RequestInit): Promise<Response> {
    const t = Target.safeParse(target);
    if (!t.success) return errorResponse(400, 'BAD_REQUEST', 'forge-runtime: invalid __forge_fetch__ target');
    const { type, remote, provider = 'none' } = t.data;
    if (type === 'sql') {
      if (this.sql === undefined) return errorResponse(403, 'APP_NOT_ENABLED', 'forge-runtime: no SQL database for this runtime');
      return this.sql.handle(path, init);
    }
    if (type === 'kvs') return this.kvs.handle(path, init);
    if (type === 'fpp' && remote === 'stargate' && path.startsWith('/webhook/queue/')) {
      return this.queue.handle(path, init);
    }
    if (type === 'fpp' && remote === 'stargate' && path === '/graphql') return this.webTriggers.graphql(init);
    if (type === 'fpp') return this.product(remote ?? 'jira', provider, t.data.accountId, path, init);
    return errorResponse(400, 'BAD_REQUEST', `forge-runtime: unsupported request type '${type}'`);
  }

  private async product(remote: string, provider: string, accountId: string | undefined, path: string, init?: RequestInit): Promise<Response> {
    const asUser = provider === 'user' ? accountId ?? currentInvocation()?.accountId : undefined;
    if (provider === 'user' && asUser === undefined) {
      return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
    }
    const body = typeof init?.body === 'string' ? init.body : '';
    return this.productHandler({
      remote, provider, ...(asUser === undefined ? {} : { accountId: asUser }), path,
      method: (init?.method ?? 'GET').toUpperCase(), headers: new Headers(init?.headers), body,
    });
  }

  /** The runtime's egress `fetch`: allow-list first, then the egress handler. */
  async egressFetch(input: unknown, init?: RequestInit): Promise<Response> {
    const url = new URL(input instanceof URL ? input.href : typeof input === 'string' ? input : input instanceof Request ? input.url : String(input));
    if (!egressAllowed(url, this.manifest.egress)) {
      const { ExternalEndpointNotAllowedError } = await import('@forge/api');
      throw new ExternalEndpointNotAllowedError(url.href);
    }
    return this.egressHandler(url, init);
  }
}
