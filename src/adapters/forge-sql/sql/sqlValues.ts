import { z } from 'zod';

/** A value bound to a `?` placeholder: booleans travel as 0/1, instants as UTC `DATETIME(3)` strings. */
export type SqlValue = string | number | null;

/** One statement and its parameters, sent as one @forge/sql request. */
export interface Statement {
  query: string;
  params: SqlValue[];
}

/** `2025-06-15 12:00:00.000`: the UTC instant as a DATETIME(3) literal (DATETIME carries no zone). */
export const toSqlDateTime = (instant: Date): string => instant.toISOString().slice(0, 23).replace('T', ' ');

export const toSqlDateTimeOrNull = (instant: Date | null): string | null =>
  instant === null ? null : toSqlDateTime(instant);

const DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses a DATETIME as the SQL API returns it (a string, no zone: UTC) into a Date. */
export const sqlDateTime = z.string().transform((text, ctx) => {
  const match = DATETIME.exec(text);
  const fraction = (match?.[3] ?? '.000').padEnd(4, '0').slice(0, 4);
  const parsed = match ? new Date(`${match[1] ?? ''}T${match[2] ?? ''}${fraction}${match[4] ?? 'Z'}`) : null;
  if (parsed === null || Number.isNaN(parsed.getTime())) {
    ctx.addIssue({ code: 'custom', message: `not a DATETIME: ${text}` });
    return z.NEVER;
  }
  return parsed;
});

export const sqlDateTimeOrNull = sqlDateTime.nullable();

/** Integers: COUNT comes back as a number, SUM as a DECIMAL string, BIGINT possibly as either. */
export const sqlInt = z
  .union([z.number(), z.string().regex(/^-?\d+(\.0+)?$/)])
  .transform((v) => Number(v))
  .pipe(z.number().int());

/** An instant stored as BIGINT epoch milliseconds (NULL: none), back as a Date. */
export const sqlEpochMsOrNull = sqlInt.nullable().transform((ms) => (ms === null ? null : new Date(ms)));

/** A Date as BIGINT epoch milliseconds (null stays null). */
export const toEpochMsOrNull = (instant: Date | null): number | null => (instant === null ? null : instant.getTime());

/** SUM over no rows is NULL: count it as 0. */
export const sqlCount = sqlInt.nullable().transform((v) => v ?? 0);

/** TINYINT flags come back as 0/1 (or booleans / strings from some drivers). */
export const sqlBool = z.union([z.number(), z.boolean(), z.string()]).transform((v) => v === 1 || v === true || v === '1');

export const toSqlBool = (flag: boolean): number => (flag ? 1 : 0);

/** A TEXT column holding JSON, parsed and then validated by `schema`. */
export const sqlJson = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'column is not JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** `LIKE ? ESCAPE '!'` pattern matching values that start with `prefix` literally. */
export const likePrefix = (prefix: string): string => `${prefix.replace(/[!%_]/g, '!$&')}%`;

/**
 * Orders strings by UTF-16 code unit: for the ASCII keys it sorts (account ids, product and group keys) this is the
 * byte order `utf8mb4_bin` gives the primary keys, so rows go to InnoDB in key order.
 */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `(?,?,?)` for `count` values. */
export const placeholders = (count: number): string => `(${new Array<string>(count).fill('?').join(',')})`;

/** A piece of a WHERE clause with its own parameters, in placeholder order. */
export interface SqlFragment {
  sql: string;
  params: SqlValue[];
}

/** Joins conditions with AND (`1=1` when there are none). */
export const allOf = (fragments: readonly SqlFragment[]): SqlFragment =>
  fragments.length === 0
    ? { sql: '1=1', params: [] }
    : { sql: fragments.map((f) => `(${f.sql})`).join(' AND '), params: fragments.flatMap((f) => f.params) };

/** Joins conditions with OR (`1=0` when there are none: nothing matches). */
export const anyOf = (fragments: readonly SqlFragment[]): SqlFragment =>
  fragments.length === 0
    ? { sql: '1=0', params: [] }
    : { sql: fragments.map((f) => `(${f.sql})`).join(' OR '), params: fragments.flatMap((f) => f.params) };
