import { generateSite, type SiteOptions } from './generate';
import { Counters, type OperationCount } from './http/counters';
import { Latency, type LatencyOptions } from './http/latency';
import { FaultInjector, type FaultOptions, type ScriptedFault } from './http/faults';
import { RateLimiter, type RateLimitOptions } from './http/rateLimit';
import { familyError, jiraError } from './http/responses';
import { headerMap, matchRoute, rateHeaders } from './http/router';
import type { HandlerResult, Operation, SimRequest, SimResponse } from './http/types';
import type { JiraSite } from './model';
import { indexSite, type SiteIndex } from './siteIndex';

/** Everything about the simulated site and how it answers. Every field is optional. */
export interface JiraSimulatorOptions extends SiteOptions {
  /** The site's URL in `self` links (default `https://simulated-site.atlassian.net`). */
  baseUrl?: string;
  /** Time source for rate limiting (default `Date.now`; pass the runtime's clock in tests). */
  now?: () => number;
  /** How latency is waited (default a real timer). */
  sleep?: (ms: number) => Promise<void>;
  /** Log-normal latency around `medianMs` (default none). */
  latency?: LatencyOptions;
  /** Token buckets (default 1200/min, burst 200, per operation); `false` turns limiting off. */
  rateLimit?: RateLimitOptions | false;
  faults?: FaultOptions;
  /** Keep every exchange in `exchanges` (for contract tests; default false). */
  record?: boolean;
}

/** One answered request, as kept when `record` is on. */
export interface RecordedExchange {
  operation: Operation | null;
  method: string;
  path: string;
  requestHeaders: Record<string, string>;
  accountId: string | null;
  status: number;
  responseHeaders: Record<string, string>;
  /** Parsed JSON body, or undefined for an empty one. */
  body: unknown;
}

/**
 * A deterministic Jira + JSM site answering the REST operations the app reads, with the documents' paging,
 * rate limiting (429 + `Retry-After` + `X-RateLimit-*`), seeded and scripted faults, and optional latency.
 */
export class JiraSimulator {
  readonly site: JiraSite;
  readonly baseUrl: string;
  readonly exchanges: RecordedExchange[] = [];
  private readonly index: SiteIndex;
  private readonly limiter: RateLimiter | null;
  private readonly faults: FaultInjector;
  private readonly counts = new Counters();
  private readonly latency: Latency;

  constructor(private readonly options: JiraSimulatorOptions = {}) {
    this.site = generateSite(options);
    this.index = indexSite(this.site);
    this.baseUrl = (options.baseUrl ?? 'https://simulated-site.atlassian.net').replace(/\/+$/, '');
    this.limiter = options.rateLimit === false ? null : new RateLimiter(options.rateLimit);
    this.faults = new FaultInjector(options.faults);
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    this.latency = new Latency(options.latency, options.seed ?? 1, sleep);
  }

  /** Answers one request. */
  async handle(req: SimRequest): Promise<SimResponse> {
    const headers = headerMap(req.headers);
    const { route, params, query } = matchRoute(req.path);
    await this.latency.wait();
    let result: HandlerResult;
    let extra: Record<string, string> = {};
    const now = this.now();
    const fault = route ? this.faults.next(route.operation) : null;
    const rate = route && !fault && this.limiter ? this.limiter.take(route.operation, now) : null;
    if (!route) {
      result = jiraError(404, `No simulated operation for ${req.method} ${req.path}`);
    } else if (req.method.toUpperCase() !== 'GET') {
      result = familyError(route.family, 405, `Method ${req.method} is not simulated.`);
    } else if (fault?.status === 429) {
      extra = rateHeaders({ limit: 0, remaining: 0, resetAt: now + fault.retryAfterSeconds * 1000 }, fault.retryAfterSeconds);
      result = familyError(route.family, 429, 'Rate limit exceeded.');
    } else if (fault) {
      result = familyError(route.family, fault.status, 'Simulated server error.');
    } else if (rate && !rate.allowed) {
      extra = rateHeaders(rate, Math.max(1, Math.ceil(rate.retryAfterMs / 1000)));
      result = familyError(route.family, 429, 'Rate limit exceeded.');
    } else {
      const accountId = req.accountId ?? null;
      result = route.handle({ site: this.site, index: this.index, baseUrl: this.baseUrl, params, query, headers, accountId });
      if (rate) extra = rateHeaders(rate, null);
    }
    return this.finish(route?.operation ?? null, req, headers, result, extra);
  }

  /** Queues a scripted fault: the next `times` (matching) requests answer `status`. */
  inject(fault: ScriptedFault): void {
    this.faults.inject(fault);
  }

  /** Spends an operation's rate-limit budget now (another client used it up). */
  drain(operation: Operation): void {
    this.limiter?.drain(operation, this.now());
  }

  /** Requests answered per operation and status. */
  counters(): Record<Operation | 'unrouted', OperationCount> {
    return this.counts.snapshot();
  }

  /** Total requests answered. */
  totalRequests(): number {
    return this.counts.total();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private finish(
    operation: Operation | null,
    req: SimRequest,
    requestHeaders: Map<string, string>,
    result: HandlerResult,
    extra: Record<string, string>,
  ): SimResponse {
    const body = result.body === undefined ? '' : JSON.stringify(result.body);
    const headers: Record<string, string> = { ...extra, ...(body === '' ? {} : { 'content-type': 'application/json;charset=UTF-8' }) };
    this.counts.add(operation, result.status);
    if (this.options.record === true) {
      this.exchanges.push({
        operation,
        method: req.method.toUpperCase(),
        path: req.path,
        requestHeaders: Object.fromEntries(requestHeaders),
        accountId: req.accountId ?? null,
        status: result.status,
        responseHeaders: headers,
        body: result.body,
      });
    }
    return { status: result.status, headers, body };
  }
}
