import { orderBy, type KeysetOrder } from '../sql/keyset';
import { allOf, type SqlFragment, type Statement } from '../sql/sqlValues';
import type { SearchBranch } from './userFilter';
import { userSelectList } from './usersFromRows';

const NUMERIC = new Set(['u.inactivity_key', 'u.added_key', 'u.managed', 'u.billable']);

/** The same order, but through an expression no index provides: the database then reads the search range. */
const unindexed = (column: string): string => (NUMERIC.has(column) ? `(${column} + 0)` : `CONCAT(${column}, '')`);

/**
 * The SELECT of one page (`users u` filtered by `where`, in `order`, at most `limit` rows, the order's
 * columns returned as k0, k1, ...). With a search, a UNION of one branch per searched column: a branch
 * whose column leads the order reads its range in order; the others read their (small) prefix range and
 * sort it. Either way the work is bounded by the page or by the matches, never by the table.
 */
export const pageStatement = (
  where: SqlFragment,
  branches: readonly SearchBranch[],
  order: KeysetOrder,
  limit: number,
): Statement => {
  const keys = order.columns.map((c, i) => `${c} AS k${String(i)}`).join(', ');
  const head = `SELECT ${userSelectList}, ${keys} FROM users u WHERE`;
  if (branches.length === 0) {
    return { query: `${head} ${where.sql} ORDER BY ${orderBy(order)} LIMIT ?`, params: [...where.params, limit] };
  }
  const [lead = '', ...rest] = order.columns;
  const parts = branches.map((b) => {
    const w = allOf([where, b.condition]);
    const branchOrder = b.column === lead ? order : { ...order, columns: [unindexed(lead), ...rest] };
    return { sql: `(${head} ${w.sql} ORDER BY ${orderBy(branchOrder)} LIMIT ?)`, params: [...w.params, limit] };
  });
  const outer = orderBy({ columns: order.columns.map((_, i) => `k${String(i)}`), direction: order.direction });
  return {
    query: `SELECT * FROM (${parts.map((p) => p.sql).join(' UNION ')}) page ORDER BY ${outer} LIMIT ?`,
    params: [...parts.flatMap((p) => p.params), limit],
  };
};

/** COUNT of the matching users; with a search, of the union of the branches (a user matching both counts once). */
export const countStatement = (where: SqlFragment, branches: readonly SearchBranch[]): Statement => {
  if (branches.length === 0) return { query: `SELECT COUNT(*) AS n FROM users u WHERE ${where.sql}`, params: where.params };
  const parts = branches.map((b) => allOf([where, b.condition]));
  return {
    query: `SELECT COUNT(*) AS n FROM (${parts.map((p) => `SELECT u.account_id FROM users u WHERE ${p.sql}`).join(' UNION ')}) c`,
    params: parts.flatMap((p) => p.params),
  };
};
