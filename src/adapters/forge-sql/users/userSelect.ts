import { orderBy, type KeysetOrder } from '../sql/keyset';
import { allOf, type SqlFragment, type Statement } from '../sql/sqlValues';
import type { UserSearch } from './userFilter';
import { userSelectList } from './usersFromRows';

const NUMERIC = new Set(['u.inactivity_key', 'u.added_key', 'u.managed', 'u.billable']);

/** The same order, but through an expression no index provides: the database then reads the search range. */
const unindexed = (column: string): string => (NUMERIC.has(column) ? `(${column} + 0)` : `CONCAT(${column}, '')`);

/** The index whose order each sort's lead column is (directoryTables.ts); partitioned sorts read by name. */
const SORT_INDEX: Record<string, string> = {
  'u.name_key': 'idx_users_name',
  'u.email_key': 'idx_users_email',
  'u.inactivity_key': 'idx_users_inactivity',
  'u.added_key': 'idx_users_added',
};

/** Word rows a search reads from its range before it counts as dense (see {@link wordProbe}). */
export const DENSE_WORDS = 8000;

/**
 * Counts the search's word rows, stopping at {@link DENSE_WORDS}: one short range read that tells a search whose
 * matches are few (read them and sort) from one whose matches are many (walk the sort order, check each user).
 */
export const wordProbe = (pattern: string): Statement => ({
  query: "SELECT COUNT(*) AS n FROM (SELECT 1 FROM user_search_words WHERE word LIKE ? ESCAPE '!' LIMIT ?) p",
  params: [pattern, DENSE_WORDS],
});

/** The users with a word in the search's range, each once: a derived table the page joins `users` to. */
const matchedUsers = (pattern: string): SqlFragment => ({
  sql: "(SELECT DISTINCT w.account_id FROM user_search_words w WHERE w.word LIKE ? ESCAPE '!') s JOIN users u ON u.account_id = s.account_id",
  params: [pattern],
});

/**
 * The user has a word in the search's range: one primary-key range read per user checked. A scalar subquery, not
 * EXISTS: MariaDB turns EXISTS into a semi-join that first reads (materializes) the whole word range.
 */
const hasWord = (pattern: string): SqlFragment => ({
  sql: "(SELECT 1 FROM user_search_words w WHERE w.account_id = u.account_id AND w.word LIKE ? ESCAPE '!' LIMIT 1) IS NOT NULL",
  params: [pattern],
});

/**
 * The SELECT of one page (`users u` filtered by `where` and the search, in `order`, at most `limit` rows, the
 * order's columns returned as k0, k1, ...). A sparse search reads its few users from the word range and sorts
 * them (through an expression no index provides, so the database does not walk the sort index instead); a dense
 * one walks the sort index and checks each user's words. Either way the work is bounded by the page or by the
 * matches, never by the table.
 */
export const pageStatement = (where: SqlFragment, search: UserSearch | null, order: KeysetOrder, limit: number): Statement => {
  const keys = order.columns.map((c, i) => `${c} AS k${String(i)}`).join(', ');
  if (search?.mode === 'sparse') {
    const from = matchedUsers(search.pattern);
    const [lead = '', ...rest] = order.columns;
    const sorted = { ...order, columns: [unindexed(lead), ...rest] };
    return {
      query: `SELECT ${userSelectList}, ${keys} FROM ${from.sql} WHERE ${where.sql} ORDER BY ${orderBy(sorted)} LIMIT ?`,
      params: [...from.params, ...where.params, limit],
    };
  }
  if (search === null) {
    return { query: `SELECT ${userSelectList}, ${keys} FROM users u WHERE ${where.sql} ORDER BY ${orderBy(order)} LIMIT ?`, params: [...where.params, limit] };
  }
  // Without the hint the optimizer may scan and sort the table: it cannot tell how many users the subquery keeps.
  const index = SORT_INDEX[order.columns[0] ?? ''];
  const w = allOf([where, hasWord(search.pattern)]);
  return {
    query: `SELECT ${userSelectList}, ${keys} FROM users u${index === undefined ? '' : ` FORCE INDEX (${index})`} WHERE ${w.sql} ORDER BY ${orderBy(order)} LIMIT ?`,
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
      : allOf([where, { sql: "u.account_id IN (SELECT w.account_id FROM user_search_words w WHERE w.word LIKE ? ESCAPE '!')", params: [pattern] }]);
  return { query: `SELECT COUNT(*) AS n FROM users u WHERE ${w.sql}`, params: w.params };
};
