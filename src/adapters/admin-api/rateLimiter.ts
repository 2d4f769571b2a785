import type { RateLimitHeaders } from './backoff';

/** Pacing settings of one endpoint. */
export interface PaceSettings {
  /** Requests per second before the server has told us anything (and after its window resets). */
  perSecond: number;
  /** Share of the server's window left unused for the org's other clients (0.1 = 10 %). */
  headroom: number;
  /** Never start two requests closer together than this, whatever the server allows. */
  minIntervalMs: number;
  /** Added to every announced reset time: covers second-truncated ISO times and small clock skew. */
  resetSlackMs: number;
}

interface Window {
  limit: number;
  remaining: number;
  resetAt: number;
}

/**
 * Client-side pacing for one endpoint. Requests start at most every `interval` ms; the interval adapts to
 * `X-RateLimit-*`: the usable remaining budget (remaining minus headroom minus our own requests in flight)
 * is spread evenly until the reset, and when it is spent the next request waits for the reset. A 429
 * blocks the whole endpoint until its wait is over, so concurrent callers do not hammer it.
 */
export class EndpointPacer {
  private readonly baseIntervalMs: number;
  private intervalMs: number;
  private lastStartAt = Number.NEGATIVE_INFINITY;
  private blockedUntil = 0;
  private inFlight = 0;
  private window: Window | null = null;

  constructor(private readonly settings: PaceSettings) {
    this.baseIntervalMs = Math.max(settings.minIntervalMs, 1000 / settings.perSecond);
    this.intervalMs = this.baseIntervalMs;
  }

  /**
   * Until when the endpoint is closed whatever the queue (a 429 wait, or a spent window before its reset);
   * `now` or earlier when it is open. Waits behind other queued requests are not counted here.
   */
  closedUntil(now: number): number {
    const w = this.window;
    const spent = w !== null && now < w.resetAt && w.remaining <= this.reserveOf(w.limit);
    return Math.max(this.blockedUntil, spent ? w.resetAt : 0);
  }

  /** Reserves the next start slot and returns its time (epoch ms); pair it with `release`. */
  reserve(now: number): number {
    const { start, countsAgainstWindow } = this.plan(now);
    if (countsAgainstWindow && this.window) this.window.remaining -= 1;
    this.lastStartAt = start;
    this.inFlight += 1;
    return start;
  }

  /** A reserved request finished; the `X-RateLimit-*` headers of its response (if any) re-tune the pace. */
  release(now: number, headers: RateLimitHeaders | null): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (headers) this.observe(now, headers);
  }

  /** Until when a 429 keeps the endpoint closed (epoch ms; in the past when it is not). */
  get blockedUntilAt(): number {
    return this.blockedUntil;
  }

  /** A 429: nothing starts on this endpoint before `until`. */
  block(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
    if (this.window) this.window.remaining = 0;
  }

  private plan(now: number): { start: number; countsAgainstWindow: boolean } {
    if (this.window && now >= this.window.resetAt) {
      this.window = null;
      this.intervalMs = this.baseIntervalMs;
    }
    const earliest = Math.max(now, this.blockedUntil);
    const w = this.window;
    const start = Math.max(earliest, this.lastStartAt + this.intervalMs);
    if (!w) return { start, countsAgainstWindow: false };
    if (start < w.resetAt && w.remaining > this.reserveOf(w.limit)) return { start, countsAgainstWindow: true };
    // The current window is spent (or over by then): the next one starts at the reset, at the base pace.
    return { start: Math.max(earliest, w.resetAt, this.lastStartAt + this.baseIntervalMs), countsAgainstWindow: false };
  }

  private reserveOf(limit: number): number {
    return Math.ceil(limit * this.settings.headroom);
  }

  private observe(now: number, h: RateLimitHeaders): void {
    if (h.remaining === null) return;
    const limit = h.limit ?? Math.max(h.remaining, this.window?.limit ?? 0);
    // Our other requests in flight may not be counted by the server yet: assume they will be.
    const remaining = Math.max(0, h.remaining - this.inFlight);
    const resetAt = h.resetAt === null ? null : h.resetAt + this.settings.resetSlackMs;
    if (resetAt === null || resetAt <= now) {
      this.window = null;
      this.intervalMs = this.baseIntervalMs;
      return;
    }
    this.window = { limit, remaining, resetAt };
    const usable = remaining - this.reserveOf(limit);
    this.intervalMs = usable > 0 ? Math.max(this.settings.minIntervalMs, (resetAt - now) / usable) : this.baseIntervalMs;
  }
}
