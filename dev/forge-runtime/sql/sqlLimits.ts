/** Forge SQL's per-request limits (developer.atlassian.com/platform/forge/limits-sql), overridable for tests. */
export interface SqlLimits {
  /** Request body (the JSON the SDK posts) in bytes: 1 MiB. */
  maxRequestBytes: number;
  /** Response body in bytes: 4 MiB. */
  maxResponseBytes: number;
  /** SELECT (and other read) statements: 5 s. */
  selectTimeoutMs: number;
  /** INSERT/UPDATE/DELETE: 10 s. */
  dmlTimeoutMs: number;
  /** DDL: 20 s. */
  ddlTimeoutMs: number;
  /** DML requests per second per installation: 150. */
  dmlPerSecond: number;
}

/** The documented values. */
export const FORGE_SQL_LIMITS: Readonly<SqlLimits> = Object.freeze({
  maxRequestBytes: 1024 * 1024,
  maxResponseBytes: 4 * 1024 * 1024,
  selectTimeoutMs: 5_000,
  dmlTimeoutMs: 10_000,
  ddlTimeoutMs: 20_000,
  dmlPerSecond: 150,
});

/** Statement counters readable by tests and benchmarks (reset with `reset()` on the service). */
export interface SqlCounters {
  /** Requests that reached the runtime's SQL endpoint. */
  requests: number;
  /** Statements sent to the database (whatever their outcome), in total and by kind. */
  executed: number;
  select: number;
  dml: number;
  ddl: number;
  other: number;
  /** Requests answered with an error, and the subsets by cause. */
  failed: number;
  policyRejected: number;
  tooLarge: number;
  timedOut: number;
  rateLimited: number;
  /** Sum of database execution time (ms) of executed statements. */
  dbTimeMs: number;
  /** Sum of the time (ms) the service took to answer each request, from its arrival to its response. */
  requestMs: number;
  /** Time (ms) during which at least one request was being answered: concurrent requests count once. */
  busyMs: number;
}

/** A zeroed counter set. */
export function emptyCounters(): SqlCounters {
  return {
    requests: 0, executed: 0, select: 0, dml: 0, ddl: 0, other: 0,
    failed: 0, policyRejected: 0, tooLarge: 0, timedOut: 0, rateLimited: 0, dbTimeMs: 0,
    requestMs: 0, busyMs: 0,
  };
}

/** Counts events in a sliding one-second window (monotonic clock). */
export class SlidingWindowLimiter {
  private readonly stamps: number[] = [];

  constructor(private readonly perSecond: () => number, private readonly now: () => number = () => performance.now()) {}

  /** Records one request; false when the window already holds the maximum. */
  tryAcquire(): boolean {
    const t = this.now();
    while (this.stamps.length > 0 && (this.stamps[0] ?? 0) <= t - 1000) this.stamps.shift();
    if (this.stamps.length >= this.perSecond()) return false;
    this.stamps.push(t);
    return true;
  }

  /** Forgets the window (between tests). */
  reset(): void {
    this.stamps.length = 0;
  }
}
