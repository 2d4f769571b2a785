import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import type { UserQuery, UserQueryContext } from '../../../domain/ports/userRepository';
import { decodeCursor, encodeCursor, type KeyValue } from '../sql/keyset';
import type { SqlExecutor } from '../sql/sqlExecutor';
import { allOf, type Statement } from '../sql/sqlValues';
import { pageSource, productHashes } from './pageSource';
import { followsProduct, pageOf, readProductPage, type KeyedRow, type RowPage } from './productPages';
import { userWhere } from './userFilter';
import { partitionAllowed, userOrder } from './userOrder';
import { pageStatement } from './userSelect';
import { userRowSchema } from './usersFromRows';

const keyValue = z.union([z.string(), z.number()]);
const pageRowSchema = userRowSchema.extend({ k0: keyValue, k1: keyValue });

/**
 * Reads one page: `limit + 1` rows are asked for, so a next cursor is only given when a row follows. Where the rows
 * come from is decided first (pageSource.ts); partitioned sorts read the partitions in order until the page is full;
 * with a product chosen, the activity sorts follow the product (productPages.ts).
 */
export const readPage = async (db: SqlExecutor, query: UserQuery, context: UserQueryContext): Promise<RowPage> => {
  const select = (statement: Statement): Promise<KeyedRow[]> => db.select(statement.query, statement.params, pageRowSchema);
  const hashes = query.filter.productKey === undefined ? [] : await productHashes(db, query.filter.productKey);
  // A product no user has: no access row names it, so no user matches.
  if (query.filter.productKey !== undefined && hashes.length === 0) return { rows: [], next: null };
  if (followsProduct(query)) return readProductPage(select, query, context, hashes, await pageSource(db, query.filter, context, []));
  const source = await pageSource(db, query.filter, context, hashes);
  const plan = userOrder(query.sort);
  const filter = userWhere(query.filter, context, { hashes });
  if (plan.kind === 'keyset') {
    const after = query.after === null ? null : decodeCursor(plan.tag, query.after, 2);
    return pageOf(await select(pageStatement(filter, source, plan.order, after, query.limit + 1)), query.limit, plan.tag);
  }
  let start = 0;
  let after: KeyValue[] | null = null;
  if (query.after !== null) {
    const [value, ...key] = decodeCursor(plan.tag, query.after, 3);
    start = plan.values.indexOf(value ?? null);
    if (start < 0) throw new DomainError('VALIDATION_FAILED', 'Invalid page cursor', { field: 'after' });
    after = key;
  }
  const found: { row: KeyedRow; value: KeyValue }[] = [];
  for (let i = start; i < plan.values.length && found.length <= query.limit; i++) {
    const value = plan.values[i] ?? null;
    if (value === null || !partitionAllowed(plan.column, value, query.filter)) continue;
    const partition = allOf([filter, { sql: `${plan.column} = ?`, params: [value] }]);
    const rows = await select(pageStatement(partition, source, plan.order, i === start ? after : null, query.limit + 1 - found.length));
    found.push(...rows.map((row) => ({ row, value })));
  }
  const last = found[query.limit - 1];
  const next = found.length > query.limit && last ? encodeCursor(plan.tag, [last.value, last.row.k0, last.row.k1]) : null;
  return { rows: found.slice(0, query.limit).map((f) => f.row), next };
};
