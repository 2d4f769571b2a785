import { ForgeSQLAPIError, sql, type UpdateQueryResponse } from '@forge/sql';
import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import type { SqlValue, Statement } from './sqlValues';

/** The slice of @forge/sql's client the repositories use; tests may wrap it to observe requests. */
export type SqlClientPort = Pick<typeof sql, 'prepare'>;

const updateResponseSchema = z.object({ affectedRows: z.number().int().nonnegative() });

/** Forge SQL error codes that mean "a platform limit was hit" rather than a bug in the statement. */
const limitCodes = new Set(['QUERY_TIMED_OUT', 'REQUEST_SIZE_EXCEEDED', 'RESPONSE_SIZE_EXCEEDED']);
const RATE_LIMITED = 'RATE_LIMIT_EXCEEDED';
/** Waits before retrying a rate-limited request (150 DML requests/s per installation). */
const RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1600];

const isRateLimited = (error: unknown): boolean => error instanceof ForgeSQLAPIError && error.code === RATE_LIMITED;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Turns an SDK error into a DomainError; statement parameters (personal data) are never copied into it. */
const toDomainError = (error: unknown, query: string): DomainError => {
  if (error instanceof DomainError) return error;
  const statement = query.slice(0, 60);
  if (error instanceof ForgeSQLAPIError) {
    const code = error.code === RATE_LIMITED ? 'RATE_LIMITED' : limitCodes.has(error.code) ? 'STORAGE_LIMIT' : 'INTERNAL';
    return new DomainError(code, `SQL ${error.code}: ${error.message}`, { sqlCode: error.code, statement });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DomainError('INTERNAL', `SQL request failed: ${message}`, { statement });
};

/** Sends one request, retrying with backoff while Forge answers 429 (the DML rate limit). */
const withRetry = async <T>(send: () => Promise<T>): Promise<T> => {
  for (const delay of RETRY_DELAYS_MS) {
    try {
      return await send();
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      await sleep(delay);
    }
  }
  return send();
};

/**
 * Runs single statements through @forge/sql (one HTTP request each, no session, no transaction) and
 * validates every returned row with zod, so a schema drift fails loudly at the edge.
 */
export class SqlExecutor {
  constructor(private readonly client: SqlClientPort = sql) {}

  /** Runs a SELECT and parses each row with `rowSchema`. */
  async select<S extends z.ZodType>(query: string, params: readonly SqlValue[], rowSchema: S): Promise<z.output<S>[]> {
    let rows: unknown;
    try {
      rows = (await withRetry(() => this.client.prepare<unknown>(query).bindParams(...params).execute())).rows;
    } catch (error) {
      throw toDomainError(error, query);
    }
    const parsed = z.array(rowSchema).safeParse(rows);
    if (!parsed.success) {
      throw new DomainError('INTERNAL', `Unexpected SQL row shape: ${parsed.error.message}`, {
        statement: query.slice(0, 60),
      });
    }
    return parsed.data;
  }

  /** Runs an INSERT / UPDATE / DELETE and returns the number of affected rows. */
  async execute(statement: Statement): Promise<number> {
    try {
      const result = await withRetry(() =>
        this.client.prepare<UpdateQueryResponse>(statement.query).bindParams(...statement.params).execute(),
      );
      return updateResponseSchema.parse(result.rows).affectedRows;
    } catch (error) {
      throw toDomainError(error, statement.query);
    }
  }

  /**
   * Runs each lane's statements in order, the lanes side by side (one lane per table, so no two
   * concurrent statements ever touch the same table); sums affected rows.
   */
  async executeLanes(lanes: readonly (readonly Statement[])[]): Promise<number> {
    const counts = await Promise.all(lanes.map((lane) => this.executeAll(lane)));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Runs statements one after another (Forge SQL has no multi-statement requests); sums affected rows. */
  async executeAll(statements: Iterable<Statement>): Promise<number> {
    let affected = 0;
    for (const statement of statements) affected += await this.execute(statement);
    return affected;
  }
}
