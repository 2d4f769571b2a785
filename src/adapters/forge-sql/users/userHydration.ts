import type { User } from '../../../domain/model/user';
import type { SqlExecutor } from '../sql/sqlExecutor';
import { placeholders } from '../sql/sqlValues';
import { accessRowSchema, memberRowSchema, toUsers, type UserRow } from './usersFromRows';

/**
 * Adds product access and groups to `users` rows: two indexed reads, run side by side. Access rows get their
 * product's key and site from `products`, membership rows their group's id and name from `directory_groups` (both
 * joined by their unique hash; the upsert registers both before writing a row). Keep `rows` to a page or a chunk
 * (at most a few thousand users), so each answer stays far below the response limit.
 */
export const hydrateUsers = async (db: SqlExecutor, rows: readonly UserRow[]): Promise<User[]> => {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.account_id);
  const inList = placeholders(ids.length);
  const [access, members] = await Promise.all([
    db.select(
      'SELECT a.account_id, p.product_key, p.resource_id, a.last_active_ms, a.seen_generation FROM user_product_access a ' +
        `JOIN products p ON p.product_hash = a.product_hash WHERE a.account_id IN ${inList} ` +
        'ORDER BY a.account_id, p.product_key, p.resource_id',
      ids,
      accessRowSchema,
    ),
    db.select(
      'SELECT m.account_id, g.group_id, g.name AS group_name, m.seen_generation FROM group_members m ' +
        `JOIN directory_groups g ON g.group_hash = m.group_hash WHERE m.account_id IN ${inList} ` +
        'ORDER BY m.account_id, g.group_id',
      ids,
      memberRowSchema,
    ),
  ]);
  return toUsers(rows, access, members);
};
