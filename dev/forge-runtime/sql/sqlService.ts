/**
 * The `type: 'sql'` side of `__forge_fetch__`: what Forge SQL does with `POST /api/v1/execute` and
 * `/api/v1/execute/ddl` bodies `{ query, params, method }` — policy checks, size limits, the DML rate
 * limit, per-kind timeouts — then runs the statement on the installation's MariaDB database.
 */
import { z } from 'zod';
import { bodyText, byteLength, errorResponse } from '../http';
import { analyzeStatement, policyViolation, type StatementAnalysis } from './statementPolicy';
import { emptyCounters, FORGE_SQL_LIMITS, SlidingWindowLimiter, type SqlCounters, type SqlLimits } from './sqlLimits';
import type { SqlDatabase } from './sqlDatabase';
import { forgeSqlResponseText } from './sqlResponse';
import { dbError, isScalarParam, safeJson } from './sqlErrors';

const RequestBody = z.object({
  query: z.string(),
  params: z.array(z.unknown()).optional(),
  method: z.string().optional(),
});

/** Error codes of Forge SQL (`errorCodes` of @forge/sql plus the documented policy/limit codes). */
export const SQL_ERROR = {
  policy: 'SQL_POLICY_VIOLATION',
  execution: 'SQL_EXECUTION_ERROR',
  invalid: 'INVALID_SQL_QUERY',
  timeout: 'QUERY_TIMED_OUT',
  rateLimit: 'RATE_LIMIT_EXCEEDED',
  requestTooLarge: 'REQUEST_SIZE_EXCEEDED',
  responseTooLarge: 'RESPONSE_SIZE_EXCEEDED',
} as const;

const ER_STATEMENT_TIMEOUT = 1969;
const ER_QUERY_INTERRUPTED = 1317;

/** Serves Forge SQL requests for one installation database. */
export class SqlService {
  readonly limits: SqlLimits;
  private counters: SqlCounters = emptyCounters();
  private readonly limiter: SlidingWindowLimiter;
  /** Requests being answered now, and since when at least one has been. */
  private inFlight = 0;
  private busySince = 0;

  constructor(private readonly database: () => SqlDatabase, limits: Partial<SqlLimits> = {}) {
    this.limits = { ...FORGE_SQL_LIMITS, ...limits };
    this.limiter = new SlidingWindowLimiter(() => this.limits.dmlPerSecond);
  }

  /** A copy of the statement counters. */
  stats(): SqlCounters {
    return { ...this.counters };
  }

  /** Zeroes the counters and the rate-limit window. */
  reset(): void {
    this.counters = emptyCounters();
    this.limiter.reset();
    this.busySince = performance.now();
  }

  /** Answers one `__forge_fetch__` call of type `sql`. */
  async handle(path: string, init: RequestInit | undefined): Promise<Response> {
    this.counters.requests++;
    const started = performance.now();
    if (this.inFlight++ === 0) this.busySince = started;
    try {
      const response = await this.process(path, init);
      if (!response.ok) this.counters.failed++;
      return response;
    } finally {
      const ended = performance.now();
      this.counters.requestMs += ended - started;
      if (--this.inFlight === 0) this.counters.busyMs += ended - this.busySince;
    }
  }

  private async process(path: string, init: RequestInit | undefined): Promise<Response> {
    if (path !== '/api/v1/execute' && path !== '/api/v1/execute/ddl') {
      return errorResponse(404, 'NOT_FOUND', `Unknown Forge SQL endpoint ${path}`);
    }
    const text = bodyText(init);
    if (byteLength(text) > this.limits.maxRequestBytes) {
      this.counters.tooLarge++;
      return errorResponse(413, SQL_ERROR.requestTooLarge, `The request is ${byteLength(text)} bytes; Forge SQL accepts at most ${this.limits.maxRequestBytes} bytes per request.`);
    }
    const parsed = RequestBody.safeParse(safeJson(text));
    if (!parsed.success) return errorResponse(400, SQL_ERROR.invalid, 'The request body must be { query, params, method }.');
    const params = parsed.data.params ?? [];
    const analysis = analyzeStatement(parsed.data.query);
    const violation = policyViolation(analysis);
    if (violation !== undefined) {
      this.counters.policyRejected++;
      return errorResponse(400, SQL_ERROR.policy, violation);
    }
    if (!params.every(isScalarParam)) {
      return errorResponse(400, SQL_ERROR.invalid, 'Parameters must be strings, numbers, booleans or null.');
    }
    if (params.length !== analysis.placeholders) {
      return errorResponse(400, SQL_ERROR.execution, `Incorrect arguments: the statement has ${analysis.placeholders} placeholders but ${params.length} parameters were bound.`);
    }
    if (analysis.kind === 'dml' && !this.limiter.tryAcquire()) {
      this.counters.rateLimited++;
      return errorResponse(429, SQL_ERROR.rateLimit, `More than ${this.limits.dmlPerSecond} DML requests per second.`);
    }
    return this.execute(parsed.data.query, params, analysis);
  }

  private timeoutFor(analysis: StatementAnalysis): number {
    if (analysis.kind === 'dml') return this.limits.dmlTimeoutMs;
    if (analysis.kind === 'ddl') return this.limits.ddlTimeoutMs;
    return this.limits.selectTimeoutMs;
  }

  private async execute(query: string, params: unknown[], analysis: StatementAnalysis): Promise<Response> {
    const timeoutMs = this.timeoutFor(analysis);
    const serverSide = analysis.kind === 'select' || analysis.kind === 'dml';
    const sqlText = serverSide ? `SET STATEMENT max_statement_time=${String(timeoutMs / 1000)} FOR ${query}` : query;
    const watchdog: { timer?: NodeJS.Timeout; fired?: boolean } = {};
    const started = performance.now();
    this.counters.executed++;
    this.counters[analysis.kind]++;
    try {
      const result = await this.database().run(sqlText, params, (kill) => {
        watchdog.timer = setTimeout(() => { watchdog.fired = true; void kill().catch(() => undefined); }, timeoutMs + (serverSide ? 1000 : 0));
      });
      const elapsed = Math.round(performance.now() - started);
      this.counters.dbTimeMs += elapsed;
      const responseText = forgeSqlResponseText(result, elapsed);
      if (byteLength(responseText) > this.limits.maxResponseBytes) {
        this.counters.tooLarge++;
        return errorResponse(400, SQL_ERROR.responseTooLarge, `The response is ${byteLength(responseText)} bytes; Forge SQL returns at most ${this.limits.maxResponseBytes} bytes. Page the query.`);
      }
      return new Response(responseText, { status: 200, headers: { 'content-type': 'application/json' } });
    } catch (e) {
      const err = dbError(e);
      if (watchdog.fired === true || err.errno === ER_STATEMENT_TIMEOUT || err.errno === ER_QUERY_INTERRUPTED) {
        this.counters.timedOut++;
        return errorResponse(504, SQL_ERROR.timeout, `The ${analysis.kind} statement ran longer than ${timeoutMs} ms.`);
      }
      return errorResponse(400, SQL_ERROR.execution, err.message, { debug: err });
    } finally {
      clearTimeout(watchdog.timer);
    }
  }
}
