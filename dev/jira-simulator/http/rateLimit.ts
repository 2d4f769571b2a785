import type { Operation } from './types';

/** Rate limiting of the simulated site: a token bucket per operation or one for the whole site. */
export interface RateLimitOptions {
  /** Sustained requests per minute (default 1200). */
  perMinute?: number;
  /** Bucket capacity: requests allowed in a burst (default 200). */
  burst?: number;
  /** One bucket per operation (default) or one shared by every operation. */
  scope?: 'operation' | 'site';
}

/** What a request's token check decided, with the `X-RateLimit-*` values to send. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the bucket is full again (epoch ms). */
  resetAt: number;
  /** Until the next token (ms); 0 when allowed. */
  retryAfterMs: number;
}

class Bucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  take(now: number, limit: number): RateDecision {
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, now - this.last) * this.perMs);
    this.last = now;
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    const resetAt = now + Math.ceil((this.capacity - this.tokens) / this.perMs);
    const retryAfterMs = allowed ? 0 : Math.ceil((1 - this.tokens) / this.perMs);
    return { allowed, limit, remaining: Math.floor(this.tokens), resetAt, retryAfterMs };
  }

  drain(now: number): void {
    this.tokens = 0;
    this.last = now;
  }
}

/** The site's rate limiter. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMinute: number;
  private readonly burst: number;
  private readonly scope: 'operation' | 'site';

  constructor(options: RateLimitOptions = {}) {
    this.perMinute = options.perMinute ?? 1200;
    this.burst = options.burst ?? 200;
    this.scope = options.scope ?? 'operation';
  }

  /** Takes a token for `operation` at `now`. */
  take(operation: Operation, now: number): RateDecision {
    return this.bucket(operation, now).take(now, this.perMinute);
  }

  /** Spends every token of `operation`'s bucket (or the site's), as if another app had used the budget. */
  drain(operation: Operation, now: number): void {
    this.bucket(operation, now).drain(now);
  }

  private bucket(operation: Operation, now: number): Bucket {
    const key = this.scope === 'site' ? '*' : operation;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new Bucket(this.burst, this.perMinute / 60_000, now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
