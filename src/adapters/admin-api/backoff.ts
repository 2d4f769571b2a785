/** A header bag as both `fetch` and @forge/api responses expose it. */
export interface HeaderBag {
  get(name: string): string | null;
}

/** Server-announced rate-limit state of one endpoint (`X-RateLimit-*`), times in epoch ms. */
export interface RateLimitHeaders {
  limit: number | null;
  remaining: number | null;
  resetAt: number | null;
}

const toInt = (value: string | null): number | null => {
  if (value === null || value.trim() === '') return null;
  const n = Number(value.trim());
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
};

/**
 * A point in time from a header: ISO-8601 (what the Admin API documents for `X-RateLimit-Reset`),
 * an HTTP date, epoch seconds / milliseconds, or a small number meaning "seconds from now".
 */
export const parseInstant = (value: string | null, now: number): number | null => {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (n > 1e12) return Math.floor(n);
    if (n > 1e9) return Math.floor(n * 1000);
    return now + Math.ceil(n * 1000);
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
};

/** Reads `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`. */
export const readRateLimitHeaders = (headers: HeaderBag, now: number): RateLimitHeaders => ({
  limit: toInt(headers.get('x-ratelimit-limit')),
  remaining: toInt(headers.get('x-ratelimit-remaining')),
  resetAt: parseInstant(headers.get('x-ratelimit-reset'), now),
});

/** `Retry-After` as an absolute time (delta-seconds or HTTP date), or null when absent or unusable. */
export const retryAfterAt = (headers: HeaderBag, now: number): number | null => {
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return now + Math.ceil(Number(text) * 1000);
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : Math.max(now, parsed);
};

/** Exponential backoff with full jitter: a uniform wait in [0, min(cap, base * 2^(attempt-1))]. */
export const fullJitterMs = (attempt: number, baseMs: number, capMs: number, random: () => number): number => {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
};

/**
 * How long to wait after a 429: `Retry-After` when present, else until `X-RateLimit-Reset` when that lies
 * ahead; null when neither says (the caller backs off with jitter). The source is kept in error details.
 */
export const waitAfter429 = (headers: HeaderBag, now: number): { waitMs: number; source: 'retry-after' | 'reset' } | null => {
  const retryAt = retryAfterAt(headers, now);
  if (retryAt !== null) return { waitMs: retryAt - now, source: 'retry-after' };
  const resetAt = parseInstant(headers.get('x-ratelimit-reset'), now);
  if (resetAt !== null && resetAt > now) return { waitMs: resetAt - now, source: 'reset' };
  return null;
};
