import pLimit from 'p-limit';
import type { z } from 'zod';
import { DomainError } from '../../domain/model/errors';
import { keyRefusal, type KeyRefusal } from '../../domain/policy/apiKeyExpiry';
import { CachedApiKey } from './apiKey';
import { classify, exhausted, rateLimited, requestInit, type Attempt } from './attemptOutcome';
import { fullJitterMs, readRateLimitHeaders, type RateLimitHeaders } from './backoff';
import type { AdminApiOptions, Operation } from './config';
import { describeProblem, errorForStatus, type ApiProblem } from './errors';
import { Lanes } from './lanes';
import type { EndpointPacer } from './rateLimiter';
import { urlOf, type ApiRequest } from './request';
import { settings, type HttpSettings } from './settings';

/** What a header value can carry: printable ASCII without spaces (a pasted key with a zero-width space cannot be sent). */
const SENDABLE_KEY = /^[\x21-\x7e]+$/;

const pastDeadline = (operation: Operation, attempts: number): DomainError =>
  new DomainError('UPSTREAM_FAILED', `No time left to call the Admin API (${operation}).`, { operation, reason: 'deadline', attempts });

/** A finished exchange whose status the caller asked to see (2xx, or one it tolerates such as 404). */
export interface Exchange {
  status: number;
  body: unknown;
  problem: ApiProblem | null;
}

/**
 * The Admin API transport: auth header, per-endpoint pacing, bounded concurrency, and the retry policy.
 * 429 → wait (Retry-After, else the reset, else full-jitter backoff) and retry; 5xx, network errors and
 * bodies that fail validation → backoff and retry; after `maxAttempts` (or a wait longer than `maxWaitMs`)
 * RATE_LIMITED with `details.retryAt` or UPSTREAM_FAILED. Other statuses map once, in `errors.ts`.
 */
export class AdminHttp {
  private readonly s: HttpSettings;
  private readonly key: CachedApiKey;
  private readonly lanes: Lanes;
  private readonly wire: pLimit.Limit;
  private readonly deadlineAt: number;

  constructor(options: AdminApiOptions) {
    this.s = settings(options);
    this.deadlineAt = this.s.deadlineMs === undefined ? Infinity : this.now() + this.s.deadlineMs;
    this.key = new CachedApiKey(options.apiKey, this.s.keyCacheMs, () => this.now());
    this.wire = pLimit(this.s.maxConcurrency);
    this.lanes = new Lanes(this.s);
  }

  /** Sends `req`; a 2xx body must pass `schema` (else it is retried like a 5xx) and is returned parsed. */
  async json<T>(req: ApiRequest, schema: z.ZodType<T>): Promise<T> {
    const { body } = await this.exchange(req, [], schema);
    return body as T;
  }

  /**
   * Sends `req`; 2xx and the `tolerated` statuses resolve, everything else throws a DomainError. With a
   * `schema`, a 2xx body must pass it (as in `json`).
   */
  async send(req: ApiRequest, tolerated: readonly number[] = [], schema: z.ZodType | null = null): Promise<Exchange> {
    return this.exchange(req, tolerated, schema);
  }

  /** What a plain 401 means for this key: expired or revoked when the stored key's expiry is known. */
  private async refusal(): Promise<KeyRefusal> {
    if (this.s.keyExpiry === undefined) return 'API_KEY_REJECTED';
    const expiresAt = await this.s.keyExpiry().catch(() => null);
    return keyRefusal(expiresAt, this.s.clock.now());
  }

  private now(): number {
    return this.s.clock.now().getTime();
  }

  /** Time left before the deadline (Infinity without one). */
  private leftMs(): number {
    return this.deadlineAt - this.now();
  }

  private async exchange(req: ApiRequest, tolerated: readonly number[], schema: z.ZodType | null): Promise<Exchange> {
    let keyRefreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      const key = await this.key.get();
      if (!SENDABLE_KEY.test(key)) throw new DomainError('API_KEY_REJECTED', 'The API key has characters an HTTP header cannot carry', { operation: req.operation });
      if (this.leftMs() <= 0) throw pastDeadline(req.operation, attempt - 1);
      const result = await this.attempt(req, key, schema);
      if ('failure' in result) {
        const failure = result.failure;
        const backoffMs = fullJitterMs(attempt, this.s.backoff.baseMs, this.s.backoff.capMs, this.s.random);
        const waitMs = failure.kind === 'wait' ? (failure.waitMs ?? backoffMs) : backoffMs;
        const last = attempt >= this.s.maxAttempts || waitMs >= this.leftMs();
        if (failure.kind === 'wait') {
          this.report(req, attempt, 429, !last && waitMs <= this.s.maxWaitMs);
          await this.sitOut(req.operation, waitMs, last, attempt);
          continue;
        }
        this.report(req, attempt, failure.status, !last);
        if (last) throw exhausted(req.operation, failure, attempt);
        await this.s.sleep(backoffMs);
        continue;
      }
      const { status, body } = result;
      const retryKey = status === 401 && !keyRefreshed && (await this.key.refresh()) !== key;
      this.report(req, attempt, status, retryKey);
      if (retryKey) {
        keyRefreshed = true;
        continue;
      }
      if (status >= 200 && status < 300) return { status, body, problem: null };
      const problem = describeProblem(body, status);
      if (tolerated.includes(status)) return { status, body, problem };
      throw errorForStatus(req.operation, status, problem, status === 401 ? await this.refusal() : undefined);
    }
  }

  /** One attempt, queued in its endpoint's lane; at most `maxConcurrency` requests are on the wire overall. */
  private attempt(req: ApiRequest, key: string, schema: z.ZodType | null): Promise<Attempt> {
    return this.lanes.queue(req.operation)(() => this.pacedAttempt(req, key, schema));
  }

  private async pacedAttempt(req: ApiRequest, key: string, schema: z.ZodType | null): Promise<Attempt> {
    const pacer = this.lanes.pacer(req.operation);
    await this.takeSlot(pacer, req.operation);
    const seen: { limits: RateLimitHeaders | null } = { limits: null };
    try {
      return await this.wire(async () => {
        const response = await this.s.fetch(urlOf(this.s.baseUrl, req), requestInit(req, key, Math.max(1, Math.min(this.s.requestTimeoutMs, this.leftMs()))));
        const text = await response.text();
        const at = this.now();
        seen.limits = readRateLimitHeaders(response.headers, at);
        return classify({ status: response.status, headers: response.headers, text }, schema, at, this.s.resetSlackMs);
      });
    } catch (error) {
      if (error instanceof DomainError) throw error;
      return { failure: { kind: 'retry', why: 'network', status: 'network' } };
    } finally {
      pacer.release(this.now(), seen.limits);
    }
  }

  /**
   * Reserves this endpoint's next start slot and waits for it; a 429 seen meanwhile re-queues the attempt
   * behind the 429's wait. Throws RATE_LIMITED (holding no slot) when the endpoint is closed for longer
   * than `maxWaitMs`.
   */
  private async takeSlot(pacer: EndpointPacer, operation: Operation): Promise<void> {
    for (;;) {
      const now = this.now();
      const closedUntil = pacer.closedUntil(now);
      if (closedUntil - now > this.s.maxWaitMs) throw rateLimited(operation, closedUntil, 'endpoint-closed', 0);
      const start = pacer.reserve(now);
      if (start > now) await this.s.sleep(start - now);
      if (pacer.blockedUntilAt <= this.now()) return;
      pacer.release(this.now(), null);
    }
  }

  private async sitOut(operation: Operation, waitMs: number, last: boolean, attempt: number): Promise<void> {
    const retryAt = this.now() + waitMs;
    this.lanes.pacer(operation).block(retryAt);
    if (last || waitMs > this.s.maxWaitMs) throw rateLimited(operation, retryAt, '429', attempt);
    await this.s.sleep(waitMs);
  }

  private report(req: ApiRequest, attempt: number, status: number | 'network', willRetry: boolean): void {
    this.s.onAttempt?.({ operation: req.operation, method: req.method, path: req.path, attempt, status, willRetry });
  }
}
