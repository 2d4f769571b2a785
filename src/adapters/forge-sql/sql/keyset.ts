import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import { toSqlDateTime, type SqlFragment } from './sqlValues';

/**
 * A total order over rows: `columns` are compared left to right, all in one direction, and the last
 * one is unique (the tie-breaker), so one index scan serves it both ways and pages never overlap.
 */
export interface KeysetOrder {
  columns: readonly string[];
  direction: 'asc' | 'desc';
}

export type KeyValue = string | number;

/** `ORDER BY c1 ASC, c2 ASC, ...` */
export const orderBy = (order: KeysetOrder): string =>
  order.columns.map((c) => `${c} ${order.direction === 'asc' ? 'ASC' : 'DESC'}`).join(', ');

/**
 * Rows strictly after `values` in `order`: `c1 > v1 OR (c1 = v1 AND (c2 > v2 OR ...))`, led by a
 * redundant `c1 >= v1` so the optimizer sees a single index range.
 */
export const afterKey = (order: KeysetOrder, values: readonly KeyValue[]): SqlFragment => {
  const op = order.direction === 'asc' ? '>' : '<';
  const build = (i: number): SqlFragment => {
    const column = order.columns[i] ?? '';
    const value = values[i] ?? null;
    if (i === order.columns.length - 1) return { sql: `${column} ${op} ?`, params: [value] };
    const rest = build(i + 1);
    return { sql: `${column} ${op} ? OR (${column} = ? AND (${rest.sql}))`, params: [value, value, ...rest.params] };
  };
  const first = order.columns[0] ?? '';
  const inner = build(0);
  return { sql: `${first} ${op}= ? AND (${inner.sql})`, params: [values[0] ?? null, ...inner.params] };
};

const cursorSchema = z.tuple([z.string(), z.array(z.union([z.string(), z.number()]))]);

/** An opaque cursor: the order's tag and the last row's key values, base64url-encoded JSON. */
export const encodeCursor = (tag: string, values: readonly KeyValue[]): string =>
  Buffer.from(JSON.stringify([tag, values]), 'utf8').toString('base64url');

/** Decodes a cursor made by `encodeCursor` for the same `tag`; anything else is a VALIDATION_FAILED. */
export const decodeCursor = (tag: string, cursor: string, arity: number): KeyValue[] => {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success || parsed.data[0] !== tag || parsed.data[1].length !== arity) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid or mismatched page cursor', { field: 'after' });
  }
  return parsed.data[1];
};

/** DATETIME's range in MariaDB and TiDB: 1000-01-01 to 9999-12-31 (UTC milliseconds). */
const MIN_DATETIME_MS = Date.UTC(1000, 0, 1);
const MAX_DATETIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A cursor's `[instant, id]` key as SQL values: the instant must be a whole number of milliseconds within DATETIME's
 * range, the id a string; anything else (a crafted or corrupted cursor) is a VALIDATION_FAILED, never a failed query.
 */
export const instantKey = (values: readonly KeyValue[]): [string, string] => {
  const [at, id] = values;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < MIN_DATETIME_MS || at > MAX_DATETIME_MS || typeof id !== 'string') {
    throw new DomainError('VALIDATION_FAILED', 'Invalid page cursor', { field: 'after' });
  }
  return [toSqlDateTime(new Date(at)), id];
};
