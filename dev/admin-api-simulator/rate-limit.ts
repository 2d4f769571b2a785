import { ENDPOINT_CLASSES, type EndpointClass } from './http/route';

/** Published limits (per minute, per organization) from the Organizations API narrative. */
export const PUBLISHED_LIMITS: Partial<Record<EndpointClass, number>> = {
  'last-active-dates': 200,
  'events-stream': 50,
};

/** Default for the endpoints whose limits Atlassian does not publish. */
export const DEFAULT_LIMIT_PER_MINUTE = 300;

/** The outcome of asking for one request's token. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the bucket is full again (X-RateLimit-Reset: the end of the current "period"). */
  resetAt: number;
  /** When the next token is available; 0 when one is available now. */
  retryAfterMs: number;
}

/** A token bucket: `limit` tokens, refilled continuously at `limit` per minute. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  /** @param limit tokens per minute (and capacity). @param now creation time (epoch ms). */
  constructor(readonly limit: number, now: number) {
    this.tokens = limit;
    this.last = now;
  }

  /** Takes one token if there is one. */
  take(now: number): RateDecision {
    this.refill(now);
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    return this.describe(now, allowed);
  }

  /** The bucket's state without taking a token (for answers that are not charged, like 401). */
  peek(now: number): RateDecision {
    this.refill(now);
    return this.describe(now, this.tokens >= 1);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.last);
    this.tokens = Math.min(this.limit, this.tokens + (elapsed * this.limit) / 60_000);
    this.last = now;
  }

  private describe(now: number, allowed: boolean): RateDecision {
    const perToken = 60_000 / this.limit;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.floor(this.tokens),
      resetAt: now + Math.ceil((this.limit - this.tokens) * perToken),
      retryAfterMs: this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * perToken),
    };
  }
}

/** One bucket per endpoint class (the simulator serves one org, so "per org" = per bucket). */
export class RateLimiter {
  private readonly buckets = new Map<EndpointClass, TokenBucket>();

  /** @param limits per-minute limits by class; missing classes use published limits, then `fallback`. */
  constructor(limits: Partial<Record<EndpointClass, number>>, fallback: number, now: number) {
    for (const cls of ENDPOINT_CLASSES) {
      this.buckets.set(cls, new TokenBucket(limits[cls] ?? PUBLISHED_LIMITS[cls] ?? fallback, now));
    }
  }

  /** The bucket of a class. */
  bucket(cls: EndpointClass): TokenBucket {
    const b = this.buckets.get(cls);
    if (!b) throw new Error(`no bucket for ${cls}`);
    return b;
  }
}
