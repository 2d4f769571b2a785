import { z } from 'zod';
import type { UserFilter, UserQueryContext } from '../../../domain/ports/userRepository';
import type { SqlExecutor } from '../sql/sqlExecutor';
import { sqlInt, type SqlFragment, type Statement } from '../sql/sqlValues';
import { groupHash } from '../groups/groupHash';
import { hashList, inStates, searchPattern } from './userFilter';

/**
 * Word rows a search may match and still be read whole and sorted (`user_search_words`); above it, the page walks
 * the sort order and checks each user's words.
 */
export const DENSE_WORDS = 8000;
/**
 * The same bound for the chosen product's access rows in the chosen states and for the chosen group's members.
 * Lower: the walk's per-user check of a state or a group is one primary-key read (no word range), so walking wins
 * sooner (docs/PERFORMANCE.md).
 */
export const DENSE_ROWS = 2000;

/**
 * Where a page's users come from. `candidates`: few users, read from one index range (a search's words, the chosen
 * product's access rows in the chosen states, or the chosen group's members) as a derived table `s` joined to
 * `users u`, then filtered and sorted. Null: the page walks the sort order and checks each user, stopping once full. `checks` are the per-user
 * conditions the filter's WHERE does not hold (the search, unless its range gives the candidates); `forceIndex`
 * tells the walk to keep to the sort index, whose use the optimizer cannot judge past a per-user subquery.
 */
export interface PageSource {
  candidates: SqlFragment | null;
  checks: SqlFragment[];
  forceIndex: boolean;
}

const countSchema = z.object({ n: sqlInt });
const hashSchema = z.object({ product_hash: sqlInt });

/** The hashes of a product's access rows, one per site (`products`), in ascending order. */
export const productHashes = async (db: SqlExecutor, productKey: string): Promise<number[]> =>
  (await db.select('SELECT product_hash FROM products WHERE product_key = ? ORDER BY product_hash', [productKey], hashSchema)).map(
    (r) => r.product_hash,
  );

/**
 * The user has a word in the search's range: one primary-key range read per user checked. A scalar subquery, not
 * EXISTS: MariaDB turns EXISTS into a semi-join that first reads (materializes) the whole word range.
 */
const hasWord = (pattern: string): SqlFragment => ({
  sql: "(SELECT 1 FROM user_search_words w WHERE w.account_hash = u.account_hash AND w.word LIKE ? ESCAPE '!' LIMIT 1) IS NOT NULL",
  params: [pattern],
});

/**
 * One index range that may give a page its candidates: `from` and `where` select its rows, `key` names their
 * user and `on` joins that user, `dense` is where reading the range whole stops paying.
 */
interface Range {
  from: string;
  where: SqlFragment;
  key: string;
  on: string;
  dense: number;
}

/** Counts a range's rows, stopping at its `dense` bound: one short index read. */
const rangeProbe = (range: Range): Statement => ({
  query: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${range.from} WHERE ${range.where.sql} LIMIT ?) p`,
  params: [...range.where.params, range.dense],
});

const wordRange = (pattern: string): Range => ({
  from: 'user_search_words w',
  where: { sql: "w.word LIKE ? ESCAPE '!'", params: [pattern] },
  key: 'w.account_hash',
  on: 'u.account_hash = s.account_hash',
  dense: DENSE_WORDS,
});

/** The access rows of the product (by its hashes) whose key is in one of the states: a superset of its users in them. */
const accessRange = (hashes: readonly number[], filter: UserFilter, context: UserQueryContext): Range => {
  const states = inStates({ sql: 'a.inactivity_key', params: [] }, filter.inactivity ?? [], context);
  return {
    from: 'user_product_access a',
    where: { sql: `a.product_hash IN ${hashList(hashes)} AND (${states.sql})`, params: states.params },
    key: 'a.account_id',
    on: 'u.account_id = s.account_id',
    dense: DENSE_ROWS,
  };
};

/** The chosen group's memberships (groups/groupHash.ts), the rows of users who left included. */
const memberRange = (groupId: string): Range => ({
  from: 'group_members m',
  where: { sql: 'm.group_hash = ?', params: [groupHash(groupId)] },
  key: 'm.account_id',
  on: 'u.account_id = s.account_id',
  dense: DENSE_ROWS,
});

/** The range's users, each once; STRAIGHT_JOIN: read the few candidates first, never scan `users` for them. */
const candidatesOf = (range: Range): SqlFragment => ({
  sql: `(SELECT DISTINCT ${range.key} FROM ${range.from} WHERE ${range.where.sql}) s STRAIGHT_JOIN users u ON ${range.on}`,
  params: range.where.params,
});

/**
 * Decides where a page reads its users from: the smallest of the ranges that hold fewer rows than their bound (the
 * search's words; with a product and states chosen, the product's access rows in those states; the chosen group's
 * members), each probed once (side by side), or a walk of the sort order. `hashes`: the chosen product's ({@link productHashes}); none leaves its access rows
 * out (a walk of the product's own order reads its states as ranges already).
 */
export const pageSource = async (
  db: SqlExecutor,
  filter: UserFilter,
  context: UserQueryContext,
  hashes: readonly number[],
): Promise<PageSource> => {
  const pattern = searchPattern(filter);
  const words = pattern === null ? null : wordRange(pattern);
  const byState = filter.productKey !== undefined && (filter.inactivity ?? []).length > 0 && hashes.length > 0;
  const options = [
    ...(words === null ? [] : [words]),
    ...(byState ? [accessRange(hashes, filter, context)] : []),
    ...(filter.groupId === undefined ? [] : [memberRange(filter.groupId)]),
  ];
  const ranges = await Promise.all(
    options.map(async (range) => {
      const probe = rangeProbe(range);
      const [row] = await db.select(probe.query, probe.params, countSchema);
      return { range, n: row?.n ?? 0 };
    }),
  );
  const sparse = ranges.filter((r) => r.n < r.range.dense).sort((a, b) => a.n - b.n)[0];
  const bySearch = sparse !== undefined && sparse.range === words;
  return {
    candidates: sparse === undefined ? null : candidatesOf(sparse.range),
    checks: pattern === null || bySearch ? [] : [hasWord(pattern)],
    forceIndex: pattern !== null && sparse === undefined,
  };
};
