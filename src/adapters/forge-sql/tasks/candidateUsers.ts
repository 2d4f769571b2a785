import { z } from 'zod';
import type { GroupRef, User } from '../../../domain/model/user';
import type { SqlExecutor } from '../sql/sqlExecutor';
import { byCodeUnit, placeholders, sqlEpochMsOrNull, sqlInt, sqlJson } from '../sql/sqlValues';
import { toUsers, userRowSchema, userSelectList } from '../users/usersFromRows';

/** Groups per read of `directory_groups` (about 120 bytes each in the answer). */
const GROUP_PAGE = 20_000;

const productSchema = z.object({ product_hash: sqlInt, product_key: z.string(), resource_id: z.string() });
const groupSchema = z.object({ group_hash: sqlInt, group_id: z.string(), name: z.string() });

/** A JSON_ARRAYAGG column: the array (parsed by the driver, or as text), or NULL for no rows. */
const aggregated = <T extends z.ZodType>(item: T) => {
  const list = z.array(item);
  return z.union([list, sqlJson(list)]).nullable().transform((rows) => rows ?? []);
};
/** A user row with its access rows as [product_hash, last_active_ms, seen_generation] and memberships as [group_hash, seen_generation]. */
const rowSchema = userRowSchema.extend({
  acc: aggregated(z.tuple([sqlInt, sqlEpochMsOrNull, sqlInt])),
  grp: aggregated(z.tuple([sqlInt, sqlInt])),
});

/** What child rows name by hash: every product (key and site) and every group (ID and name). */
export interface HashNames {
  products: Map<number, { productKey: string; resourceId: string }>;
  groups: Map<number, GroupRef>;
}

/** Reads the products and groups once, so that hydrating many users reads their child rows without joins. */
export const readHashNames = async (db: SqlExecutor): Promise<HashNames> => {
  const products = await db.select('SELECT product_hash, product_key, resource_id FROM products', [], productSchema);
  const groups = new Map<number, GroupRef>();
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = await db.select('SELECT group_hash, group_id, name FROM directory_groups WHERE group_hash > ? ORDER BY group_hash LIMIT ?', [after, GROUP_PAGE], groupSchema);
    for (const r of rows) groups.set(r.group_hash, { id: r.group_id, name: r.name });
    const last = rows.at(-1);
    if (rows.length < GROUP_PAGE || last === undefined) break;
    after = last.group_hash;
  }
  return { products: new Map(products.map((p) => [p.product_hash, { productKey: p.product_key, resourceId: p.resource_id }])), groups };
};

/**
 * The users of these IDs still in the org, with their access and groups, in account-ID order: as SqlUserRepository
 * reads them (same users, child rows in the same order, stale ones left out by `toUsers`), but in one statement, each
 * user's child rows aggregated into a JSON array (by hash, named from `names`): one row per user instead of about
 * eight, about 2.5 times faster for the thousands of users a task reads.
 */
export const candidateUsers = async (db: SqlExecutor, names: HashNames, ids: readonly string[]): Promise<User[]> => {
  const rows = await db.select(
    `SELECT ${userSelectList}, ` +
      '(SELECT JSON_ARRAYAGG(JSON_ARRAY(a.product_hash, a.last_active_ms, a.seen_generation)) FROM user_product_access a WHERE a.account_id = u.account_id) AS acc, ' +
      '(SELECT JSON_ARRAYAGG(JSON_ARRAY(m.group_hash, m.seen_generation)) FROM group_members m WHERE m.account_id = u.account_id) AS grp ' +
      `FROM users u WHERE u.account_id IN ${placeholders(ids.length)} AND u.left_generation IS NULL`,
    ids,
    rowSchema,
  );
  // Sorted here: an ORDER BY over rows with aggregated (TEXT) columns makes MariaDB sort them in an on-disk temporary table.
  rows.sort((a, b) => byCodeUnit(a.account_id, b.account_id));
  const access = rows.flatMap((r) =>
    r.acc.flatMap(([hash, lastActive, generation]) => {
      const product = names.products.get(hash);
      return product === undefined ? [] : [{ account_id: r.account_id, product_key: product.productKey, resource_id: product.resourceId, last_active_ms: lastActive, seen_generation: generation }];
    }),
  );
  access.sort((a, b) => byCodeUnit(a.account_id, b.account_id) || byCodeUnit(a.product_key, b.product_key) || byCodeUnit(a.resource_id, b.resource_id));
  const members = rows.flatMap((r) =>
    r.grp.flatMap(([hash, generation]) => {
      const group = names.groups.get(hash);
      return group === undefined ? [] : [{ account_id: r.account_id, group_id: group.id, group_name: group.name, seen_generation: generation }];
    }),
  );
  members.sort((a, b) => byCodeUnit(a.account_id, b.account_id) || byCodeUnit(a.group_id, b.group_id));
  return toUsers(rows, access, members);
};
