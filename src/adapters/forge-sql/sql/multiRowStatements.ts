import { DomainError } from '../../../domain/model/errors';
import { placeholders, type SqlValue, type Statement } from './sqlValues';

/** Forge SQL refuses requests over 1 MiB (limits-sql); the limit applies to the JSON request body. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** What a multi-row statement may use: the limit less a margin for proxy framing. */
export const STATEMENT_BYTE_BUDGET = MAX_REQUEST_BYTES - 16 * 1024;
/** The MySQL protocol's ceiling on placeholders in one prepared statement. */
export const MAX_PLACEHOLDERS = 65_535;

/** Exactly the body @forge/sql posts for a statement (`sql.js`: JSON of query, params and method). */
export const requestBytes = (statement: Statement): number =>
  Buffer.byteLength(JSON.stringify({ query: statement.query, params: statement.params, method: 'all' }), 'utf8');

/** Bytes a row adds to the body's `params` array: its values' JSON and their commas (exact, one native call). */
const rowBytes = (row: readonly SqlValue[]): number => Buffer.byteLength(JSON.stringify(row), 'utf8') - 1;

export interface MultiRowInsert {
  /** e.g. `INSERT INTO t (a,b) VALUES`; the tuples follow it. */
  head: string;
  /** e.g. `ON DUPLICATE KEY UPDATE b=VALUES(b)`; may be empty. */
  tail: string;
  columns: number;
}

/**
 * Splits rows into multi-row INSERT statements, each as large as fits: its JSON request body stays
 * within `budget` bytes (measured, not guessed from a row count) and under the placeholder ceiling.
 */
export function* multiRowStatements(
  insert: MultiRowInsert,
  rows: Iterable<readonly SqlValue[]>,
  budget: number = STATEMENT_BYTE_BUDGET,
): Generator<Statement> {
  const tuple = placeholders(insert.columns);
  const base = requestBytes({ query: `${insert.head}  ${insert.tail}`, params: [] });
  const rowLimit = Math.floor(MAX_PLACEHOLDERS / insert.columns);
  let params: SqlValue[] = [];
  let count = 0;
  let bytes = base;
  const flush = (): Statement => {
    const tuples = new Array<string>(count).fill(tuple).join(',');
    const statement = { query: `${insert.head} ${tuples} ${insert.tail}`, params };
    params = [];
    count = 0;
    bytes = base;
    return statement;
  };
  for (const row of rows) {
    if (row.length !== insert.columns) throw new Error(`row has ${row.length} values, expected ${insert.columns}`);
    // Its tuple and comma in the query, its values and commas in the params.
    const added = tuple.length + 1 + rowBytes(row);
    if (base + added > budget) {
      throw new DomainError('STORAGE_LIMIT', 'A single row is larger than one SQL request may be', { rowBytes: added });
    }
    if (count > 0 && (bytes + added > budget || count >= rowLimit)) yield flush();
    params.push(...row);
    count += 1;
    bytes += added;
  }
  if (count > 0) yield flush();
}

/** Splits a long key list for `IN (...)` statements (default 1,000 keys: far below the request limit). */
export const chunked = <T>(items: readonly T[], size = 1000): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};
