import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import type { UserQuery, UserQueryContext } from '../../../domain/ports/userRepository';
import { afterKey, decodeCursor, encodeCursor, type KeysetOrder, type KeyValue } from '../sql/keyset';
import type { SqlExecutor } from '../sql/sqlExecutor';
import { allOf, sqlInt, type SqlFragment } from '../sql/sqlValues';
import { searchPattern, userWhere, type UserSearch } from './userFilter';
import { partitionAllowed, userOrder } from './userOrder';
import { userRowSchema, type UserRow } from './usersFromRows';
import { pageStatement, wordProbe, DENSE_WORDS } from './userSelect';

const keyValue = z.union([z.string(), z.number()]);
const pageRowSchema = userRowSchema.extend({ k0: keyValue, k1: keyValue });

/** One page of user rows in the query's order, and the cursor of the next page. */
export interface RowPage {
  rows: UserRow[];
  next: string | null;
}

const countSchema = z.object({ n: sqlInt });

/** The filter's search and how to read it (one short probe of the word range), or null without a search. */
const userSearch = async (db: SqlExecutor, filter: UserQuery['filter']): Promise<UserSearch | null> => {
  const pattern = searchPattern(filter);
  if (pattern === null) return null;
  const probe = wordProbe(pattern);
  const [row] = await db.select(probe.query, probe.params, countSchema);
  return { pattern, mode: (row?.n ?? 0) >= DENSE_WORDS ? 'dense' : 'sparse' };
};

const select = (db: SqlExecutor, where: SqlFragment, search: UserSearch | null, order: KeysetOrder, limit: number) => {
  const statement = pageStatement(where, search, order, limit);
  return db.select(statement.query, statement.params, pageRowSchema);
};

/**
 * Reads one page: `limit + 1` rows are asked for, so a next cursor is only given when a row follows.
 * Partitioned sorts read the partitions in order until the page is full.
 */
export const readPage = async (db: SqlExecutor, query: UserQuery, context: UserQueryContext): Promise<RowPage> => {
  const plan = userOrder(query.sort);
  const filter = userWhere(query.filter, context);
  const search = await userSearch(db, query.filter);
  if (plan.kind === 'keyset') {
    const after = query.after === null ? [] : [afterKey(plan.order, decodeCursor(plan.tag, query.after, 2))];
    const rows = await select(db, allOf([filter, ...after]), search, plan.order, query.limit + 1);
    const last = rows[query.limit - 1];
    const next = rows.length > query.limit && last ? encodeCursor(plan.tag, [last.k0, last.k1]) : null;
    return { rows: rows.slice(0, query.limit), next };
  }
  let start = 0;
  let after: KeyValue[] | null = null;
  if (query.after !== null) {
    const [value, ...key] = decodeCursor(plan.tag, query.after, 3);
    start = plan.values.indexOf(value ?? null);
    if (start < 0) throw new DomainError('VALIDATION_FAILED', 'Invalid page cursor', { field: 'after' });
    after = key;
  }
  const found: { row: UserRow & { k0: KeyValue; k1: KeyValue }; value: KeyValue }[] = [];
  for (let i = start; i < plan.values.length && found.length <= query.limit; i++) {
    const value = plan.values[i] ?? null;
    if (value === null || !partitionAllowed(plan.column, value, query.filter)) continue;
    const parts = [filter, { sql: `${plan.column} = ?`, params: [value] }];
    if (i === start && after !== null) parts.push(afterKey(plan.order, after));
    const rows = await select(db, allOf(parts), search, plan.order, query.limit + 1 - found.length);
    found.push(...rows.map((row) => ({ row, value })));
  }
  const last = found[query.limit - 1];
  const next = found.length > query.limit && last ? encodeCursor(plan.tag, [last.value, last.row.k0, last.row.k1]) : null;
  return { rows: found.slice(0, query.limit).map((f) => f.row), next };
};
