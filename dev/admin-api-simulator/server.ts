import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildKeys, DEFAULT_KEY_OPTIONS, type KeyOptions } from './http/auth';
import { Counters, type CounterSnapshot } from './counters';
import { FaultInjector, type FaultRule } from './faults';
import { generateOrg, type OrgOptions } from './generator';
import { listener } from './http/listener';
import type { Pipeline } from './http/pipeline';
import type { EndpointClass } from './http/route';
import { Router } from './http/router';
import { ROUTES } from './http/routes';
import { LatencyModel, type LatencyOptions } from './latency';
import type { SimOrg } from './model';
import { DEFAULT_LIMIT_PER_MINUTE, RateLimiter } from './rate-limit';
import { SimulatorState } from './state';

/** Options of an AdminApiSimulator. Only `org` is required. */
export interface SimulatorOptions {
  /** Generator options, or an organization generated earlier (shared between simulators = shared state). */
  org: OrgOptions | SimOrg;
  /** Keys the server knows. Default DEFAULT_KEY_OPTIONS (valid, expired and scoped keys). */
  keys?: KeyOptions[];
  /** Per-minute limits by endpoint class; unset classes use the published limit, else `defaultRateLimit`. */
  rateLimits?: Partial<Record<EndpointClass, number>>;
  /** Limit of the classes Atlassian does not publish. Default 300 per minute. */
  defaultRateLimit?: number;
  /** Send Retry-After with genuine 429s (the spec documents none; Jira's APIs send it). Default true. */
  retryAfter?: boolean;
  /** Latency model. Default none. */
  latency?: LatencyOptions;
  faults?: FaultRule[];
  /** Seed of latency, faults and keys. Default 'sim'. */
  seed?: string | number;
  /** Clock for rate limits, key expiry and event times. Default Date.now. */
  clock?: () => number;
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
}

/** An Admin API simulator: an HTTP server over a seeded organization. */
export class AdminApiSimulator {
  /** The organization and its lookups; tests read and compare it directly. */
  readonly state: SimulatorState;
  private readonly pipeline: Pipeline;
  private readonly faults: FaultInjector;
  private readonly latency: LatencyModel;
  private readonly counts = new Counters();
  private server: Server | undefined;
  private baseUrl = '';
  private hold: Promise<void> | null = null;

  /** Generates (or adopts) the organization; does not listen yet (see start). */
  constructor(private readonly options: SimulatorOptions) {
    const clock = options.clock ?? Date.now;
    const seed = options.seed ?? 'sim';
    const org = isOrg(options.org) ? options.org : generateOrg(options.org);
    this.state = new SimulatorState(org, buildKeys(options.keys ?? DEFAULT_KEY_OPTIONS, clock(), seed));
    this.faults = new FaultInjector(options.faults ?? [], seed);
    this.latency = new LatencyModel(options.latency ?? { medianMs: 0 }, seed);
    this.pipeline = {
      router: new Router(ROUTES),
      state: this.state,
      limiter: new RateLimiter(options.rateLimits ?? {}, options.defaultRateLimit ?? DEFAULT_LIMIT_PER_MINUTE, clock()),
      faults: this.faults,
      latency: this.latency,
      counters: this.counts,
      clock,
      baseUrl: () => this.baseUrl,
      retryAfter: options.retryAfter ?? true,
      released: () => this.hold ?? Promise.resolve(),
    };
  }

  /** Listens on 127.0.0.1 (port 0 = any) and resolves with the base URL, e.g. `http://127.0.0.1:41234`. */
  async start(): Promise<string> {
    if (this.server) return this.baseUrl;
    const server = createServer(listener(this.pipeline));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve);
    });
    const addr = server.address() as AddressInfo;
    this.baseUrl = `http://${addr.address}:${String(addr.port)}`;
    return this.baseUrl;
  }

  /** Stops listening and closes open connections. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => {
      server.close((err) => {
        if (err) reject(err);
        else resolve();
      });
    });
  }

  /** Base URL while running ('' before start). Admin paths are under /admin, User management under /users. */
  get url(): string {
    return this.baseUrl;
  }

  /** Requests and answers per endpoint class. */
  counters(): CounterSnapshot {
    return this.counts.snapshot();
  }

  /** Requests of all classes since start (or the last resetCounters). */
  totalRequests(): number {
    return this.counts.total();
  }

  /** Zeroes the counters; fault rules' call numbers count from 1 again. */
  resetCounters(): void {
    this.counts.reset();
  }

  /** Replaces the fault rules at run time. */
  setFaults(rules: FaultRule[]): void {
    this.faults.set(rules);
  }

  /**
   * Holds every answer until the returned function is called: requests are still served in order (their changes
   * are made at once), only their responses wait. Lets a test see a job mid-flight however slow the machine is.
   */
  holdAnswers(): () => void {
    let release = (): void => undefined;
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.hold = hold;
    return () => {
      if (this.hold === hold) this.hold = null;
      release();
    };
  }

  /** Replaces the latency model at run time. */
  setLatency(options: LatencyOptions): void {
    this.latency.set(options);
  }
}

function isOrg(o: OrgOptions | SimOrg): o is SimOrg {
  return typeof o.users !== 'number';
}
