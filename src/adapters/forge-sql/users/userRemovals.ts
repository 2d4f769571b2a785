import type { Statement } from '../sql/sqlValues';

/** The statements of `markLeftBefore(generation)`; {@link runMarkLeft} gives the order they run in. */
export interface MarkLeftStatements {
  /**
   * Per child table (access, memberships): the sweep, which deletes the rows that users written at `generation`
   * no longer have, then the marking of the rows of users not seen since `generation` (kept, no longer counted).
   */
  children: [sweep: Statement, mark: Statement][];
  /** Deletes the search words that users written at `generation` no longer have (no marking: the search reads `users`). */
  words: Statement;
  /** Marks users not seen since `generation` as having left; its count is what markLeftBefore returns. */
  users: Statement;
}

const sweepOf = (table: string, generation: number, key = 'account_id'): Statement => ({
  query: `DELETE FROM ${table} WHERE seen_generation < ? AND ${key} IN (SELECT ${key} FROM users WHERE seen_generation >= ?)`,
  params: [generation, generation],
});

/**
 * The end of a full walk at `generation`. The sweep removes what upserts with `staleRows: 'at-mark-left'` left
 * behind: rows older than `generation` of users written at `generation`. It runs before the marking, which
 * would otherwise take those rows for rows of users who left.
 */
export const markLeftStatements = (generation: number): MarkLeftStatements => ({
  children: ['user_product_access', 'group_members'].map((table) => [
    sweepOf(table, generation),
    { query: `UPDATE ${table} SET user_left = 1 WHERE seen_generation < ? AND user_left = 0`, params: [generation] },
  ]),
  words: sweepOf('user_search_words', generation, 'account_hash'),
  users: {
    query:
      "UPDATE users SET left_generation = ?, membership_status = 'no_membership' " +
      'WHERE seen_generation < ? AND left_generation IS NULL',
    params: [generation, generation],
  },
});

/**
 * Runs the walk's end in lanes, one per table: each child table's sweep and then its marking, the words' sweep, and
 * the users marking once every sweep is done (the sweeps read `users`; the marking writes rows they read). Each statement
 * scans its whole table, so the lanes let the server scan two tables at a time. Returns the users marked.
 * Every statement is idempotent: a run cut short is simply run again.
 */
export const runMarkLeft = async (statements: MarkLeftStatements, execute: (s: Statement) => Promise<number>): Promise<number> => {
  const sweeps = [...statements.children.map(([sweep]) => execute(sweep)), execute(statements.words)];
  const marks = statements.children.map(async ([, mark], i) => {
    await sweeps[i];
    await execute(mark);
  });
  const users = Promise.all(sweeps).then(() => execute(statements.users));
  const settled = await Promise.allSettled([users, ...marks]);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return users;
};
