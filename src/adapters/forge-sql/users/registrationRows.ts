import type { User } from '../../../domain/model/user';
import { byCodeUnit, type SqlValue } from '../sql/sqlValues';
import { groupHash } from '../groups/groupHash';
import { productHash } from '../products/productHash';
import { nameKey } from './userKeys';

/** One row per distinct key, built from the first item with that key, in key order (as the primary key sorts). */
const distinctRowsByKey = <Item>(items: readonly Item[], keyOf: (item: Item) => string, rowOf: (item: Item) => SqlValue[]): SqlValue[][] => {
  const seen = new Map<string, Item>();
  for (const item of items) {
    const key = keyOf(item);
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([, item]) => rowOf(item));
};

/**
 * One `products` row (`productRegisterColumns` order) per product the users have access to, in key order: named
 * by its key, no site URL or capacity, until the workspaces sync writes the product.
 */
export const productRegistrations = (users: readonly User[], generation: number): SqlValue[][] =>
  distinctRowsByKey(
    users.flatMap((u) => u.productAccess),
    (a) => `${a.productKey}\u0000${a.resourceId}`,
    (a) => [a.productKey, a.resourceId, productHash(a.productKey, a.resourceId), a.productKey, null, null, generation],
  );

/**
 * One `directory_groups` row (`groupRegisterColumns` order) per group the users are members of, in id order, as
 * the first user's group reference names it. Not IdP-synced, modifiable, no description, no members counted: the
 * next groups sync writes the real values. Such a row has no grants, so no action plan relies on its flags.
 */
export const groupRegistrations = (users: readonly User[], generation: number): SqlValue[][] =>
  distinctRowsByKey(
    users.flatMap((u) => u.groups),
    (g) => g.id,
    (g) => [g.id, groupHash(g.id), g.name, nameKey(g.name), null, 0, 1, 0, generation],
  );
