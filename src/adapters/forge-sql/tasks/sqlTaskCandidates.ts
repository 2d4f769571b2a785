import pLimit from 'p-limit';
import { z } from 'zod';
import type { ProductTarget } from '../../../domain/model/task';
import type { User } from '../../../domain/model/user';
import type { InactivityThresholds } from '../../../domain/policy/inactivityPolicy';
import type { ActivityRule, SeatHolder, TaskCandidates } from '../../../domain/ports/taskCandidates';
import { afterKey, orderBy, type KeysetOrder, type KeyValue } from '../sql/keyset';
import { chunked } from '../sql/multiRowStatements';
import { SqlExecutor } from '../sql/sqlExecutor';
import { allOf, byCodeUnit, sqlInt, type SqlFragment } from '../sql/sqlValues';
import { productHash } from '../products/productHash';
import { productHashes } from '../users/pageSource';
import { keySince, NEVER_ACTIVE_FROM } from '../users/userKeys';
import { candidateUsers, readHashNames } from './candidateUsers';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How much one read takes: keys per page of an index range, users per hydrating read. */
export interface CandidateReadSizes {
  keys: number;
  users: number;
}
/** Keys: about 60 bytes each in the answer, far below its 4 MiB limit; users: their rows well under a MiB. */
const READ_SIZES: CandidateReadSizes = { keys: 20_000, users: 1_000 };
/** Hydrating reads in flight at once. */
const PARALLEL = 3;

const keyRowSchema = z.object({ account_id: z.string(), k0: sqlInt, k1: sqlInt.optional() });
type KeyRow = z.infer<typeof keyRowSchema>;

/**
 * The lowest inactivity key (users/userKeys.ts) a user the rule could pick has in its scope: inactive for at least
 * N days is last activity at or before now − N days (key ≥ its negation), and every no-activity and unknown key lies
 * above every activity key. Never-active starts at the no-activity keys (new users and unknown ones included).
 */
export const keyFloor = (rule: ActivityRule, now: Date, thresholds: InactivityThresholds): number => {
  const inactiveFor = (days: number): number => -(now.getTime() - days * DAY_MS);
  switch (rule.kind) {
    case 'inactive':
      return inactiveFor(rule.minInactiveDays);
    case 'state':
      return inactiveFor(rule.state === 'warning' ? thresholds.warningDays : thresholds.overdueDays);
    case 'never-active':
      return NEVER_ACTIVE_FROM;
  }
};

/** Whether the user is in the rule's scope: anyone for `all`, else holding one of its products. */
const inScope = (rule: ActivityRule, user: User): boolean => {
  const products = rule.products;
  return products === 'all' || user.productAccess.some((a) => products.includes(a.productKey));
};

/**
 * One index range read in pages: `from` with its index, `where` its equality prefix, `keys` the numeric columns
 * the index orders by after it (the inactivity key first), then the account ID, `alias`'s.
 */
interface KeyRange {
  from: string;
  alias: string;
  where: SqlFragment;
  keys: readonly string[];
}

/** The access rows of one product site whose users are still in the org: (product_hash, user_left, inactivity_key, billable), then account_id. */
const accessRange = (hash: number): KeyRange => ({
  from: 'user_product_access a FORCE INDEX (idx_access_product)',
  alias: 'a',
  where: { sql: 'a.product_hash = ? AND a.user_left = 0', params: [hash] },
  keys: ['a.inactivity_key', 'a.billable'],
});

/**
 * TaskCandidates over Forge SQL. An activity rule becomes one bound on the inactivity key: overall, a range of
 * `users.idx_users_inactivity` (users who left have `left_generation` set, in the index); in chosen products, a
 * range of `user_product_access.idx_access_product` per product site (rows of users who left are flagged
 * `user_left`) — a user whose smallest key in scope is at or above the bound has a row there, so the ranges hold
 * every user the rule could pick (a user active on another site of the product too is read, and planTask skips
 * them). The keys are read in pages, then the users in chunks of account IDs, a few chunks at a time. A seat cap's
 * holders are the access rows of its product site, read from the index alone (their key says since when).
 */
export class SqlTaskCandidates implements TaskCandidates {
  constructor(
    private readonly db: SqlExecutor = new SqlExecutor(),
    private readonly sizes: CandidateReadSizes = READ_SIZES,
  ) {}

  async forRule(rule: ActivityRule, context: { now: Date; thresholds: InactivityThresholds }): Promise<User[]> {
    const found = await this.users(await this.candidateIds(rule, keyFloor(rule, context.now, context.thresholds)));
    // An access row a sync walk in progress has not swept yet may have led to a user who no longer has the product.
    return found.filter((u) => inScope(rule, u));
  }

  async seatHolders(product: ProductTarget): Promise<SeatHolder[]> {
    const rows = await this.readRange(accessRange(productHash(product.productKey, product.resourceId)), Number.MIN_SAFE_INTEGER);
    return rows.map((r) => ({ accountId: r.account_id, billable: r.k1 === 1, ...keySince(r.k0) }));
  }

  async users(accountIds: readonly string[]): Promise<User[]> {
    if (accountIds.length === 0) return [];
    const names = await readHashNames(this.db);
    const limit = pLimit(PARALLEL);
    const chunks = chunked([...new Set(accountIds)].sort(byCodeUnit), this.sizes.users);
    return (await Promise.all(chunks.map((chunk) => limit(() => candidateUsers(this.db, names, chunk))))).flat();
  }

  /** The account IDs in the rule's ranges at or above `floor`, each once. */
  private async candidateIds(rule: ActivityRule, floor: number): Promise<string[]> {
    const ids = new Set<string>();
    for (const range of await this.ranges(rule)) for (const row of await this.readRange(range, floor)) ids.add(row.account_id);
    return [...ids];
  }

  /** The index ranges that hold the rule's users: overall, or the access rows of each site of its products. */
  private async ranges(rule: ActivityRule): Promise<KeyRange[]> {
    if (rule.products === 'all') {
      // (inactivity_key, account_id, billable, left_generation): the whole read is in the index.
      return [{ from: 'users u FORCE INDEX (idx_users_inactivity)', alias: 'u', where: { sql: 'u.left_generation IS NULL', params: [] }, keys: ['u.inactivity_key'] }];
    }
    const hashes = (await Promise.all([...new Set(rule.products)].map((key) => productHashes(this.db, key)))).flat();
    return hashes.map(accessRange);
  }

  /** The rows of one range with an inactivity key at or above `floor`, page by page in index order. */
  private async readRange(range: KeyRange, floor: number): Promise<KeyRow[]> {
    const order: KeysetOrder = { columns: [...range.keys, `${range.alias}.account_id`], direction: 'asc' };
    const selected = [`${range.alias}.account_id`, ...range.keys.map((k, i) => `${k} AS k${String(i)}`)].join(', ');
    const found: KeyRow[] = [];
    let after: KeyValue[] | null = null;
    for (;;) {
      const w = allOf([range.where, { sql: `${range.keys[0] ?? ''} >= ?`, params: [floor] }, ...(after === null ? [] : [afterKey(order, after)])]);
      const rows = await this.db.select(
        `SELECT ${selected} FROM ${range.from} WHERE ${w.sql} ORDER BY ${orderBy(order)} LIMIT ?`,
        [...w.params, this.sizes.keys],
        keyRowSchema,
      );
      found.push(...rows);
      const last = rows.at(-1);
      if (rows.length < this.sizes.keys || last === undefined) return found;
      after = [last.k0, ...(last.k1 === undefined ? [] : [last.k1]), last.account_id];
    }
  }
}
