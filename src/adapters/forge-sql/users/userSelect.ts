import { afterKey, orderBy, type KeysetOrder, type KeyValue } from '../sql/keyset';
import { allOf, type SqlFragment, type Statement } from '../sql/sqlValues';
import type { PageSource } from './pageSource';
import { userSelectList } from './usersFromRows';

const NUMERIC = new Set(['u.inactivity_key', 'u.added_key', 'u.managed', 'u.billable']);
const TEXT = new Set(['u.name_key', 'u.email_key', 'u.account_status']);

/**
 * The same order, but through an expression no index provides: the database then reads the candidates and sorts
 * them. Any other lead (a per-product key, a subquery) has no index already.
 */
const unindexed = (column: string): string =>
  NUMERIC.has(column) ? `(${column} + 0)` : TEXT.has(column) ? `CONCAT(${column}, '')` : column;

/** The index whose order each sort's lead column is (directoryTables.ts); partitioned sorts read by name. */
const SORT_INDEX: Record<string, string> = {
  'u.name_key': 'idx_users_name',
  'u.email_key': 'idx_users_email',
  'u.inactivity_key': 'idx_users_inactivity',
  'u.added_key': 'idx_users_added',
};

const keysOf = (order: KeysetOrder): string => order.columns.map((c, i) => `${c} AS k${String(i)}`).join(', ');

/**
 * The SELECT of one page (`users u` filtered by `where` and the source's checks, after the cursor's key `after`, in
 * `order`, at most `limit` rows, the order's columns returned as k0, k1, ...). With candidates (pageSource.ts) the
 * page sorts those few users by their keys alone, through an expression no index provides (so the database does
 * not walk the sort index instead), and reads the full rows of the `limit` first; without, it walks the sort index
 * and checks each user. Either way the work is bounded by the page or by the candidates, never by the table.
 */
export const pageStatement = (
  where: SqlFragment,
  source: PageSource,
  order: KeysetOrder,
  after: readonly KeyValue[] | null,
  limit: number,
): Statement => {
  if (source.candidates !== null) {
    const [lead = '', ...rest] = order.columns;
    const sorted = { ...order, columns: [unindexed(lead), ...rest] };
    const w = allOf([where, ...source.checks, ...(after === null ? [] : [afterKey(sorted, after)])]);
    const keys = order.columns.map((_, i) => `t.k${String(i)}`);
    return {
      query:
        `SELECT ${userSelectList}, ${keys.join(', ')} FROM (SELECT u.account_id AS id, ${keysOf(order)} FROM ${source.candidates.sql} ` +
        `WHERE ${w.sql} ORDER BY ${orderBy(sorted)} LIMIT ?) t JOIN users u ON u.account_id = t.id ORDER BY ${orderBy({ ...order, columns: keys })}`,
      params: [...source.candidates.params, ...w.params, limit],
    };
  }
  const w = allOf([where, ...source.checks, ...(after === null ? [] : [afterKey(order, after)])]);
  // Without the hint the optimizer may scan and sort the table: it cannot tell how many users a subquery keeps.
  const index = source.forceIndex ? SORT_INDEX[order.columns[0] ?? ''] : undefined;
  return {
    query: `SELECT ${userSelectList}, ${keysOf(order)} FROM users u${index === undefined ? '' : ` FORCE INDEX (${index})`} WHERE ${w.sql} ORDER BY ${orderBy(order)} LIMIT ?`,
    params: [...w.params, limit],
  };
};

/**
 * One site's part of a page in a product's activity order (productPages.ts): that site's access rows of the product
 * in index order (`idx_access_order`: product_hash, inactivity_key, then account_id), each joined to its user.
 * `unique` keeps a user with the product on several sites to the row with the smallest key (ties: the smallest
 * hash), so each user appears once, at the product's key.
 */
export const productWalkStatement = (
  hash: number,
  unique: SqlFragment | null,
  where: SqlFragment,
  order: KeysetOrder,
  limit: number,
): Statement => {
  const w = allOf([{ sql: 'a.product_hash = ?', params: [hash] }, ...(unique === null ? [] : [unique]), where]);
  return {
    query:
      `SELECT ${userSelectList}, ${keysOf(order)} FROM user_product_access a FORCE INDEX (idx_access_order) ` +
      `STRAIGHT_JOIN users u ON u.account_id = a.account_id WHERE ${w.sql} ORDER BY ${orderBy(order)} LIMIT ?`,
    params: [...w.params, limit],
  };
};

/**
 * COUNT of the matching users. With a search, an IN subquery, left to the optimizer: it reads the word range once
 * (a semi-join), where the per-user check of a dense page would run once per user of the table.
 */
export const countStatement = (where: SqlFragment, pattern: string | null): Statement => {
  const w =
    pattern === null
      ? where
      : allOf([where, { sql: "u.account_hash IN (SELECT w.account_hash FROM user_search_words w WHERE w.word LIKE ? ESCAPE '!')", params: [pattern] }]);
  return { query: `SELECT COUNT(*) AS n FROM users u WHERE ${w.sql}`, params: w.params };
};
