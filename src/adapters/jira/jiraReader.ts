import { asApp, type APIResponse, type RequestInit, type Route } from '@forge/api';
import type { z } from 'zod';
import type { Clock } from '../../domain/ports/clock';
import { errorForStatus, exhausted, jitteredBackoff, rateLimited, waitFor429 } from './jiraRetry';

/** One finished attempt, for the sync's API-call counters and for tests. */
export interface JiraAttempt {
  operation: string;
  attempt: number;
  /** HTTP status, or `network` when no response came (a thrown request, a proxy error). */
  status: number | 'network';
  willRetry: boolean;
}

/** How Jira/JSM reads are sent and retried. Every field is optional. */
export interface JiraReadOptions {
  /** Default `asApp().requestJira` from @forge/api. */
  requestJira?: (route: Route, init?: RequestInit) => Promise<APIResponse>;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** Uniform [0, 1) for backoff jitter. */
  random?: () => number;
  /** Attempts per request, the first included (default 5). */
  maxAttempts?: number;
  /** Longest single wait sat out; a longer `Retry-After` fails at once with RATE_LIMITED (default 30 s). */
  maxWaitMs?: number;
  /** Backoff for 5xx, network errors, malformed bodies and 429s without timing headers (default 500 ms .. 10 s). */
  backoff?: { baseMs: number; capMs: number };
  onAttempt?: (attempt: JiraAttempt) => void;
}

type Outcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'missing' }
  | { kind: 'refused' }
  | { kind: 'wait'; ms: number | null }
  | { kind: 'retry'; why: string };

/**
 * Sends GETs to Jira/JSM as the app and validates the answer. 429 → waits `Retry-After` (else the reset, else
 * backoff) and retries; 5xx, network errors and bodies failing the schema → backoff and retry; after
 * `maxAttempts`, RATE_LIMITED (with `retryAt`) or UPSTREAM_FAILED. 404 → null; 401/403 → FORBIDDEN.
 */
export class JiraReader {
  private readonly requestJira: NonNullable<JiraReadOptions['requestJira']>;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;

  constructor(private readonly o: JiraReadOptions = {}) {
    this.requestJira = o.requestJira ?? ((r, init) => asApp().requestJira(r, init));
    this.now = () => (o.clock ? o.clock.now().getTime() : Date.now());
    this.sleep = o.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    this.maxAttempts = Math.max(1, o.maxAttempts ?? 5);
  }

  /** GETs `path`; the parsed body, or null when Jira answers 404 (the project, group or desk is gone). */
  async get<T>(operation: string, path: Route, schema: z.ZodType<T>, headers: Record<string, string> = {}): Promise<T | null> {
    const { baseMs, capMs } = this.o.backoff ?? { baseMs: 500, capMs: 10_000 };
    for (let attempt = 1; ; attempt += 1) {
      const { outcome, status } = await this.attempt(path, schema, headers);
      const last = attempt >= this.maxAttempts;
      const retryable = outcome.kind === 'wait' || outcome.kind === 'retry';
      this.o.onAttempt?.({ operation, attempt, status, willRetry: retryable && !last });
      if (outcome.kind === 'ok') return outcome.value;
      if (outcome.kind === 'missing') return null;
      if (outcome.kind === 'refused') throw errorForStatus(operation, status === 'network' ? 0 : status);
      const waitMs = (outcome.kind === 'wait' ? outcome.ms : null) ?? jitteredBackoff(attempt, baseMs, capMs, this.o.random ?? Math.random);
      if (outcome.kind === 'wait' && (last || waitMs > (this.o.maxWaitMs ?? 30_000))) {
        throw rateLimited(operation, this.now() + waitMs, attempt);
      }
      if (last) throw exhausted(operation, outcome.kind === 'retry' ? outcome.why : '429', attempt);
      await this.sleep(waitMs);
    }
  }

  private async attempt<T>(
    path: Route,
    schema: z.ZodType<T>,
    headers: Record<string, string>,
  ): Promise<{ outcome: Outcome<T>; status: number | 'network' }> {
    let response: APIResponse;
    try {
      response = await this.requestJira(path, { method: 'GET', headers: { Accept: 'application/json', ...headers } });
    } catch {
      return { outcome: { kind: 'retry', why: 'network' }, status: 'network' };
    }
    const status = response.status;
    if (status === 429) return { outcome: { kind: 'wait', ms: waitFor429(response.headers, this.now()) }, status };
    if (status >= 500) return { outcome: { kind: 'retry', why: `HTTP ${status}` }, status };
    if (status === 404) return { outcome: { kind: 'missing' }, status };
    if (status < 200 || status >= 300) return { outcome: { kind: 'refused' }, status };
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      return { outcome: { kind: 'retry', why: 'malformed body' }, status };
    }
    const parsed = schema.safeParse(body);
    return { outcome: parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'retry', why: 'unexpected body' }, status };
  }
}
