import { DomainError } from '../../../domain/model/errors';
import type { SqlValue, Statement } from './sqlValues';

/** Forge SQL refuses requests over 1 MiB (limits-sql); the limit applies to the JSON request body. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** What a multi-row statement may use: the limit less a margin for proxy framing. */
export const STATEMENT_BYTE_BUDGET = MAX_REQUEST_BYTES - 16 * 1024;
/** The MySQL protocol's ceiling on placeholders in one prepared statement. */
export const MAX_PLACEHOLDERS = 65_535;

/** Exactly the body @forge/sql posts for a statement (`sql.js`: JSON of query, params and method). */
export const requestBytes = (statement: Statement): number =>
  Buffer.byteLength(JSON.stringify({ query: statement.query, params: statement.params, method: 'all' }), 'utf8');

/** JSON bytes of a string made only of printable ASCII other than `"` and `\\`: its length and two quotes. */
const PLAIN_JSON_STRING = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Bytes one bound value adds to the body's `params` array (exact; the common case without a JSON encoding call). */
const paramBytes = (value: SqlValue): number =>
  typeof value === 'string' && PLAIN_JSON_STRING.test(value) ? value.length + 2 : Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * A value written into the statement text instead of being bound: NULL or a safe integer, whose text is only
 * digits and a sign, so nothing can be injected. It is the text mysql2 would have put there for the parameter;
 * it keeps the request body short and spares the JSON encoding and decoding of every number on both sides.
 */
const inlineLiteral = (value: SqlValue): string | undefined =>
  value === null ? 'NULL' : typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;

export interface MultiRowInsert {
  /** e.g. `INSERT INTO t (a,b) VALUES`; the tuples follow it. */
  head: string;
  /** e.g. `ON DUPLICATE KEY UPDATE b=VALUES(b)`; may be empty. */
  tail: string;
  columns: number;
}

/** The request bytes of an insert's statement before any row: what every statement of it starts from. */
export const statementBaseBytes = (insert: MultiRowInsert): number =>
  requestBytes({ query: `${insert.head}  ${insert.tail}`, params: [] });

/**
 * Splits rows into multi-row INSERT statements, each as large as fits: its JSON request body stays within
 * `budget` bytes (measured, not guessed from a row count) and under the placeholder ceiling. Strings (and any
 * number that is not a safe integer) are bound to `?`; NULLs and integers are written into the tuples (see
 * {@link inlineLiteral}). A row that could never fit a request throws STORAGE_LIMIT.
 */
export function* multiRowStatements(
  insert: MultiRowInsert,
  rows: Iterable<readonly SqlValue[]>,
  budget: number = STATEMENT_BYTE_BUDGET,
): Generator<Statement> {
  const base = statementBaseBytes(insert);
  let tuples: string[] = [];
  let params: SqlValue[] = [];
  let bytes = base;
  const flush = (): Statement => {
    const statement = { query: `${insert.head} ${tuples.join(',')} ${insert.tail}`, params };
    tuples = [];
    params = [];
    bytes = base;
    return statement;
  };
  const bound: SqlValue[] = [];
  for (const row of rows) {
    if (row.length !== insert.columns) throw new Error(`row has ${row.length} values, expected ${insert.columns}`);
    bound.length = 0;
    let tuple = '(';
    // Its tuple and comma in the query (ASCII: as many bytes as characters), its bound values and commas in the params.
    let added = 0;
    for (let i = 0; i < row.length; i++) {
      const value = row[i] ?? null;
      const literal = inlineLiteral(value);
      if (literal === undefined) {
        bound.push(value);
        added += paramBytes(value) + 1;
      }
      const text = literal ?? '?';
      tuple += i === 0 ? text : `,${text}`;
    }
    tuple += ')';
    added += tuple.length + 1;
    if (base + added > budget) {
      throw new DomainError('STORAGE_LIMIT', 'A single row is larger than one SQL request may be', { rowBytes: added });
    }
    if (tuples.length > 0 && (bytes + added > budget || params.length + bound.length > MAX_PLACEHOLDERS)) yield flush();
    tuples.push(tuple);
    for (const value of bound) params.push(value);
    bytes += added;
  }
  if (tuples.length > 0) yield flush();
}

/** Splits a long key list for `IN (...)` statements (default 1,000 keys: far below the request limit). */
export const chunked = <T>(items: readonly T[], size = 1000): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};
