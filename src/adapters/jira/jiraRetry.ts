import { DomainError } from '../../domain/model/errors';

/** A header bag as @forge/api responses expose it. */
export interface HeaderBag {
  get(name: string): string | null;
}

/**
 * How long a 429 asks us to wait: `Retry-After` (delta-seconds or an HTTP date, what Jira sends), else until
 * `X-RateLimit-Reset` (ISO-8601) when it lies ahead, else null (the caller backs off).
 */
export const waitFor429 = (headers: HeaderBag, now: number): number | null => {
  const retryAfter = headers.get('retry-after')?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
  const retryAt = retryAfter === '' ? Number.NaN : Date.parse(retryAfter);
  if (!Number.isNaN(retryAt)) return Math.max(0, retryAt - now);
  const reset = Date.parse(headers.get('x-ratelimit-reset')?.trim() ?? '');
  return !Number.isNaN(reset) && reset > now ? reset - now : null;
};

/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(attempt-1))]. */
export const jitteredBackoff = (attempt: number, baseMs: number, capMs: number, random: () => number): number =>
  Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1)));

/** The DomainError for a Jira/JSM status that is not retried (404 is handled by the caller). */
export const errorForStatus = (operation: string, status: number): DomainError => {
  if (status === 401 || status === 403) {
    return new DomainError('FORBIDDEN', `Jira refused ${operation} (HTTP ${status}): the app lacks a scope or permission.`, {
      operation,
      status,
    });
  }
  return new DomainError('UPSTREAM_FAILED', `Jira answered ${operation} with HTTP ${status}.`, { operation, status });
};

/** RATE_LIMITED once the retries are spent or the wait asked for is longer than we sit out. */
export const rateLimited = (operation: string, retryAt: number, attempts: number): DomainError =>
  new DomainError('RATE_LIMITED', `Jira rate-limited ${operation}; retry after ${new Date(retryAt).toISOString()}.`, {
    operation,
    retryAt: new Date(retryAt).toISOString(),
    attempts,
  });

/** UPSTREAM_FAILED once 5xx answers, network errors or malformed bodies outlast the retries. */
export const exhausted = (operation: string, why: string, attempts: number): DomainError =>
  new DomainError('UPSTREAM_FAILED', `Jira ${operation} kept failing (${why}) after ${attempts} attempts.`, {
    operation,
    reason: why,
    attempts,
  });
