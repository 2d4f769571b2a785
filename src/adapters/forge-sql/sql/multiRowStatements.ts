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
export const paramBytes = (value: SqlValue): number =>
  typeof value === 'string' && PLAIN_JSON_STRING.test(value) ? value.length + 2 : Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * A value written into the statement text instead of being bound: NULL or a safe integer, whose text is only
 * digits and a sign, so nothing can be injected. It is the text mysql2 would have put there for the parameter;
 * it keeps the request body short and spares the JSON encoding and decoding of every number on both sides.
 */
export const inlineLiteral = (value: SqlValue): string | undefined =>
  value === null ? 'NULL' : typeof value === 'number' && Number.isSafeInteger(value) ? integerText(value) : undefined;

/**
 * The decimal text of a safe integer, as `String` writes it. V8 prints a number beyond 31 bits with its general
 * floating-point printer (a hash or an epoch millisecond costs ~0.25 µs); two halves below 10⁹ print as small
 * integers.
 */
export const integerText = (n: number): string => {
  if (n > -1e9 && n < 1e9) return String(n);
  const magnitude = Math.abs(n);
  const high = Math.floor(magnitude / 1e9);
  const low = String(magnitude - high * 1e9);
  return `${n < 0 ? '-' : ''}${String(high)}${'000000000'.slice(low.length)}${low}`;
};

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

/** Bytes a row's bound values add to the body's `params` array: each value and its comma. */
const boundBytes = (bound: readonly SqlValue[]): number => {
  let bytes = 0;
  for (const value of bound) bytes += paramBytes(value) + 1;
  return bytes;
};

/**
 * Gathers rows, each already written as its tuple, into statements as large as fit: a statement's JSON request
 * body stays within `budget` bytes (measured, not guessed from a row count) and under the placeholder ceiling.
 * {@link add} returns the statement a row did not fit into; {@link finish} returns the last one.
 */
export class MultiRowBuilder {
  private tuples: string[] = [];
  private params: SqlValue[] = [];
  private readonly base: number;
  private bytes: number;

  constructor(
    private readonly insert: MultiRowInsert,
    private readonly budget: number = STATEMENT_BYTE_BUDGET,
  ) {
    this.base = statementBaseBytes(insert);
    this.bytes = this.base;
  }

  /**
   * Adds one row: `tuple` is its text (ASCII: `(`, `?`, integers, `NULL`, commas, `)`), `bound` the values of its
   * `?`s in order and `bytes` what they add to the params ({@link boundBytes}). A row that could never fit a
   * request throws STORAGE_LIMIT.
   */
  add(tuple: string, bound: readonly SqlValue[], bytes: number): Statement | undefined {
    const added = bytes + tuple.length + 1;
    if (this.base + added > this.budget) {
      throw new DomainError('STORAGE_LIMIT', 'A single row is larger than one SQL request may be', { rowBytes: added });
    }
    const full =
      this.tuples.length > 0 && (this.bytes + added > this.budget || this.params.length + bound.length > MAX_PLACEHOLDERS);
    const done = full ? this.finish() : undefined;
    this.tuples.push(tuple);
    for (const value of bound) this.params.push(value);
    this.bytes += added;
    return done;
  }

  /** The statement of the rows added since the last one returned, if any. */
  finish(): Statement | undefined {
    if (this.tuples.length === 0) return undefined;
    const statement = { query: `${this.insert.head} ${this.tuples.join(',')} ${this.insert.tail}`, params: this.params };
    this.tuples = [];
    this.params = [];
    this.bytes = this.base;
    return statement;
  }
}

/**
 * Splits rows into multi-row INSERT statements, each as large as fits ({@link MultiRowBuilder}). Strings (and any
 * number that is not a safe integer) are bound to `?`; NULLs and integers are written into the tuples (see
 * {@link inlineLiteral}).
 */
export function* multiRowStatements(
  insert: MultiRowInsert,
  rows: Iterable<readonly SqlValue[]>,
  budget: number = STATEMENT_BYTE_BUDGET,
): Generator<Statement> {
  const builder = new MultiRowBuilder(insert, budget);
  const bound: SqlValue[] = [];
  for (const row of rows) {
    if (row.length !== insert.columns) throw new Error(`row has ${row.length} values, expected ${insert.columns}`);
    bound.length = 0;
    let tuple = '(';
    for (let i = 0; i < row.length; i++) {
      const value = row[i] ?? null;
      const literal = inlineLiteral(value);
      if (literal === undefined) bound.push(value);
      const text = literal ?? '?';
      tuple += i === 0 ? text : `,${text}`;
    }
    const done = builder.add(`${tuple})`, bound, boundBytes(bound));
    if (done !== undefined) yield done;
  }
  const last = builder.finish();
  if (last !== undefined) yield last;
}

/** Splits a long key list for `IN (...)` statements (default 1,000 keys: far below the request limit). */
export const chunked = <T>(items: readonly T[], size = 1000): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};
