import { fullJitterMs, parseInstant, readRateLimitHeaders, retryAfterAt, waitAfter429 } from '../../../src/adapters/admin-api/backoff';
import { EndpointPacer, type PaceSettings } from '../../../src/adapters/admin-api/rateLimiter';

const T0 = Date.parse('2026-06-01T00:00:00.000Z');
const settings: PaceSettings = { perSecond: 5, headroom: 0.1, minIntervalMs: 50, resetSlackMs: 1000 };
const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name.toLowerCase()] ?? null });

describe('EndpointPacer', () => {
  it('spaces requests at the starting pace before the server has said anything', () => {
    const pacer = new EndpointPacer(settings);
    expect([pacer.reserve(T0), pacer.reserve(T0), pacer.reserve(T0)]).toEqual([T0, T0 + 200, T0 + 400]);
  });

  it('spreads the usable remaining budget (minus headroom) evenly until the reset', () => {
    const pacer = new EndpointPacer(settings);
    pacer.reserve(T0);
    // 50 left of 100 until T0+9s (+1 s slack): 10 kept for other clients → 40 over 10 s = one per 250 ms.
    pacer.release(T0, { limit: 100, remaining: 50, resetAt: T0 + 9000 });
    expect(pacer.reserve(T0)).toBe(T0 + 250);
    expect(pacer.reserve(T0)).toBe(T0 + 500);
  });

  it('waits for the reset once only the headroom is left, then starts again at the starting pace', () => {
    const pacer = new EndpointPacer(settings);
    pacer.reserve(T0);
    pacer.release(T0, { limit: 100, remaining: 10, resetAt: T0 + 30_000 });
    expect(pacer.closedUntil(T0)).toBe(T0 + 31_000);
    expect(pacer.reserve(T0)).toBe(T0 + 31_000);
    expect(pacer.reserve(T0)).toBe(T0 + 31_200);
  });

  it('counts its own requests still in flight against the remaining budget', () => {
    const pacer = new EndpointPacer(settings);
    for (let i = 0; i < 5; i += 1) pacer.reserve(T0);
    // The server saw 1 of our 5: 15 remaining − 4 in flight − 10 headroom = 1 usable, spread over the 10.9 s
    // to the reset: the next start would fall after the reset, so it waits for the fresh window.
    pacer.release(T0 + 100, { limit: 100, remaining: 15, resetAt: T0 + 10_000 });
    expect(pacer.reserve(T0 + 100)).toBe(T0 + 11_000);
  });

  it('without a usable reset time it keeps the starting pace', () => {
    const pacer = new EndpointPacer(settings);
    pacer.reserve(T0);
    pacer.release(T0, { limit: 100, remaining: 3, resetAt: null });
    expect(pacer.closedUntil(T0)).toBe(0);
    expect(pacer.reserve(T0)).toBe(T0 + 200);
  });

  it('a 429 closes the endpoint until its wait is over', () => {
    const pacer = new EndpointPacer(settings);
    pacer.reserve(T0);
    pacer.release(T0, null);
    pacer.block(T0 + 5000);
    expect(pacer.blockedUntilAt).toBe(T0 + 5000);
    expect(pacer.closedUntil(T0)).toBe(T0 + 5000);
    expect(pacer.reserve(T0)).toBe(T0 + 5000);
  });

  it('never goes faster than minIntervalMs (the published limits are ceilings)', () => {
    const pacer = new EndpointPacer({ ...settings, perSecond: 3, minIntervalMs: 334 });
    pacer.reserve(T0);
    pacer.release(T0, { limit: 200, remaining: 199, resetAt: T0 + 300 });
    expect(pacer.reserve(T0) - T0).toBe(334);
  });
});

describe('rate-limit headers and backoff', () => {
  it('reads X-RateLimit-Reset as ISO-8601, epoch seconds, epoch ms or seconds from now', () => {
    expect(parseInstant('2026-06-01T00:01:00Z', T0)).toBe(T0 + 60_000);
    expect(parseInstant(String((T0 + 5000) / 1000), T0)).toBe(T0 + 5000);
    expect(parseInstant(String(T0 + 7000), T0)).toBe(T0 + 7000);
    expect(parseInstant('30', T0)).toBe(T0 + 30_000);
    expect(parseInstant('soon', T0)).toBeNull();
    expect(readRateLimitHeaders(headers({ 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': 'x' }), T0)).toEqual({
      limit: 300,
      remaining: null,
      resetAt: null,
    });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterAt(headers({ 'retry-after': '2' }), T0)).toBe(T0 + 2000);
    expect(retryAfterAt(headers({ 'retry-after': new Date(T0 + 9000).toUTCString() }), T0)).toBe(T0 + 9000);
    expect(retryAfterAt(headers({}), T0)).toBeNull();
  });

  it('after a 429 prefers Retry-After, then the reset, else leaves it to the backoff', () => {
    const reset = new Date(T0 + 4000).toISOString();
    expect(waitAfter429(headers({ 'retry-after': '1', 'x-ratelimit-reset': reset }), T0)).toEqual({ waitMs: 1000, source: 'retry-after' });
    expect(waitAfter429(headers({ 'x-ratelimit-reset': reset }), T0)).toEqual({ waitMs: 4000, source: 'reset' });
    expect(waitAfter429(headers({ 'x-ratelimit-reset': new Date(T0 - 1).toISOString() }), T0)).toBeNull();
  });

  it('full jitter stays within [0, min(cap, base·2^(n-1))]', () => {
    expect([1, 2, 3, 8].map((n) => fullJitterMs(n, 1000, 60_000, () => 0.999))).toEqual([999, 1998, 3996, 59_940]);
    expect(fullJitterMs(5, 1000, 60_000, () => 0)).toBe(0);
  });
});
