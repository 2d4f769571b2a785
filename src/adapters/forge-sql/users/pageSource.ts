import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import type { UserFilter, UserQueryContext } from '../../../domain/ports/userRepository';
import type { SqlExecutor } from '../sql/sqlExecutor';
import { sqlInt, type SqlFragment, type Statement } from '../sql/sqlValues';
import { inStates, searchPattern } from './userFilter';

/**
 * Word rows a search may match and still be read whole and sorted (`user_search_words`); above it, the page walks
 * the sort order and checks each user's words.
 */
export const DENSE_WORDS = 8000;
/**
 * The same bound for the chosen product's access rows in the chosen states. Lower: the walk's per-user check of
 * a state is one primary-key read (no word range), so walking wins sooner (docs/PERFORMANCE.md).
 */
export const DENSE_ACCESS = 2000;

/**
 * Where a page's users come from. `candidates`: few users, read from one index range (a search's words, or the
 * chosen product's access rows in the chosen states) as a derived table `s` joined to `users u`, then filtered and
 * sorted. Null: the page walks the sort order and checks each user, stopping once full. `checks` are the per-user
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

/** `IN (…)` of hashes read from `products`: safe integers, written into the text (no parameter in a sort expression). */
export const hashList = (hashes: readonly number[]): string => {
  if (hashes.length === 0 || !hashes.every(Number.isSafeInteger)) throw new DomainError('INTERNAL', 'Product hashes must be safe integers');
  return `(${hashes.map(String).join(',')})`;
};

/**
 * The user has a word in the search's range: one primary-key range read per user checked. A scalar subquery, not
 * EXISTS: MariaDB turns EXISTS into a semi-join that first reads (materializes) the whole word range.
 */
const hasWord = (pattern: string): SqlFragment => ({
  sql: "(SELECT 1 FROM user_search_words w WHERE w.account_id = u.account_id AND w.word LIKE ? ESCAPE '!' LIMIT 1) IS NOT NULL",
  params: [pattern],
});

/**
 * One index range that may give a page its candidates: `from` and `where` select its rows, `users` joins the users
 * they name, `dense` is where reading it whole stops paying.
 */
interface Range {
  from: string;
  where: SqlFragment;
  users: string;
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
  users: 'JOIN users u ON u.account_id = s.account_id',
  dense: DENSE_WORDS,
});

/** The access rows of the product (by its hashes) whose key is in one of the states: a superset of its users in them. */
const accessRange = (hashes: readonly number[], filter: UserFilter, context: UserQueryContext): Range => {
  const states = inStates({ sql: 'a.inactivity_key', params: [] }, filter.inactivity ?? [], context);
  return {
    from: 'user_product_access a',
    where: { sql: `a.product_hash IN ${hashList(hashes)} AND (${states.sql})`, params: states.params },
    users: 'JOIN users u ON u.account_id = s.account_id',
    dense: DENSE_ACCESS,
  };
};

const candidatesOf = (range: Range, key: string): SqlFragment => ({
  sql: `(SELECT DISTINCT ${key} FROM ${range.from} WHERE ${range.where.sql}) s ${range.users}`,
  params: range.where.params,
});

/**
 * Decides where a page reads its users from: the smaller of the ranges that hold fewer rows than their bound (the
 * search's words; with a product and states chosen, the product's access rows in those states), each probed once,
 * or a walk of the sort order. `hashes`: the chosen product's ({@link productHashes}); none leaves its access rows
 * out (a walk of the product's own order reads its states as ranges already).
 */
export const pageSource = async (
  db: SqlExecutor,
  filter: UserFilter,
  context: UserQueryContext,
  hashes: readonly number[],
): Promise<PageSource> => {
  const pattern = searchPattern(filter);
  const ranges: { range: Range; key: string; n: number }[] = [];
  const probe = async (range: Range, key: string): Promise<void> => {
    const statement = rangeProbe(range);
    const [row] = await db.select(statement.query, statement.params, countSchema);
    ranges.push({ range, key, n: row?.n ?? 0 });
  };
  if (pattern !== null) await probe(wordRange(pattern), 'w.account_id');
  if (filter.productKey !== undefined && (filter.inactivity ?? []).length > 0 && hashes.length > 0) {
    await probe(accessRange(hashes, filter, context), 'a.account_id');
  }
  const sparse = ranges.filter((r) => r.n < r.range.dense).sort((a, b) => a.n - b.n)[0];
  const bySearch = sparse !== undefined && sparse === ranges[0] && pattern !== null;
  return {
    candidates: sparse === undefined ? null : candidatesOf(sparse.range, sparse.key),
    checks: pattern === null || bySearch ? [] : [hasWord(pattern)],
    forceIndex: pattern !== null && sparse === undefined,
  };
};
