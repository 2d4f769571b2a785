import type { UserQuery, UserQueryContext } from '../../../domain/ports/userRepository';
import { afterKey, decodeCursor, encodeCursor, type KeysetOrder, type KeyValue } from '../sql/keyset';
import { allOf, byCodeUnit, type SqlFragment, type Statement } from '../sql/sqlValues';
import type { PageSource } from './pageSource';
import { hashList, productKeyOf, userWhere } from './userFilter';
import { pageStatement, productWalkStatement } from './userSelect';
import type { UserRow } from './usersFromRows';

/** A page row with its sort key (k0, k1). */
export type KeyedRow = UserRow & { k0: KeyValue; k1: KeyValue };

/** One page of user rows in the query's order, and the cursor of the next page. */
export interface RowPage {
  rows: UserRow[];
  next: string | null;
}

/** Reads the rows of one statement (userPages.ts gives the row schema). */
export type SelectRows = (statement: Statement) => Promise<KeyedRow[]>;

/**
 * With a product chosen, the activity sorts follow that product (I1: the rows show its state and date): last
 * activity and inactivity order users by the product's key, the smallest access key over its sites.
 */
export const followsProduct = (query: UserQuery): boolean =>
  query.filter.productKey !== undefined && (query.sort.key === 'lastActiveAt' || query.sort.key === 'inactivity');

/** The one access row of a user on several sites the walk keeps: the smallest key, then the smallest hash. */
const smallestRow = (hashes: readonly number[]): SqlFragment | null =>
  hashes.length < 2
    ? null
    : {
        sql:
          'a.product_hash = (SELECT b.product_hash FROM user_product_access b WHERE b.account_id = a.account_id ' +
          `AND b.product_hash IN ${hashList(hashes)} ORDER BY b.inactivity_key, b.product_hash LIMIT 1)`,
        params: [],
      };

const compareKeys = (a: KeyedRow, b: KeyedRow): number =>
  Number(a.k0) - Number(b.k0) || byCodeUnit(String(a.k1), String(b.k1));

/** The first `limit` rows and the cursor after them, from `limit + 1` rows read in order. */
export const pageOf = (rows: readonly KeyedRow[], limit: number, tag: string): RowPage => {
  const last = rows[limit - 1];
  const next = rows.length > limit && last ? encodeCursor(tag, [last.k0, last.k1]) : null;
  return { rows: rows.slice(0, limit), next };
};

/**
 * A page in the chosen product's activity order. With candidates (pageSource.ts) they are sorted by the product's
 * key; otherwise each site's access rows of the product are walked in key order (`idx_access_order`; the states
 * chosen are ranges of it) and the sites' rows merged, so the page reads about `limit` rows per site.
 */
export const readProductPage = async (
  select: SelectRows,
  query: UserQuery,
  context: UserQueryContext,
  hashes: readonly number[],
  source: PageSource,
): Promise<RowPage> => {
  const reversed = query.sort.key === 'lastActiveAt';
  const direction = (query.sort.direction === 'asc') !== reversed ? 'asc' : 'desc';
  const tag = `users:${query.sort.key}:${query.sort.direction}:product`;
  const after = query.after === null ? null : decodeCursor(tag, query.after, 2);
  const limit = query.limit + 1;
  if (source.candidates !== null) {
    const order: KeysetOrder = { columns: [productKeyOf(hashes), 'u.account_id'], direction };
    return pageOf(await select(pageStatement(userWhere(query.filter, context, { hashes }), source, order, after, limit)), query.limit, tag);
  }
  const order: KeysetOrder = { columns: ['a.inactivity_key', 'a.account_id'], direction };
  const bound = after === null ? [] : [afterKey(order, after)];
  const where = allOf([userWhere(query.filter, context, { column: 'a.inactivity_key' }), ...source.checks, ...bound]);
  const sites = await Promise.all(hashes.map((hash) => select(productWalkStatement(hash, smallestRow(hashes), where, order, limit))));
  const merged = sites.flat().sort((a, b) => (direction === 'asc' ? compareKeys(a, b) : compareKeys(b, a)));
  return pageOf(merged.slice(0, limit), query.limit, tag);
};

