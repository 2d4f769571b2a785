import type { MultiRowInsert } from '../sql/multiRowStatements';

/** `users` columns an upsert writes, in VALUES order. */
export const userColumns = [
  'account_id', 'account_hash', 'name', 'name_key', 'email', 'email_key', 'email_domain', 'account_type', 'account_status',
  'membership_status', 'managed', 'management_source', 'billable', 'added_to_org_at', 'added_key',
  'activity_known', 'inactivity_key', 'platform_roles', 'seen_generation', 'directory_id', 'directory_name',
] as const;

/** `user_product_access` columns an upsert writes, in VALUES order. */
export const accessColumns = [
  'account_id', 'product_hash', 'product_key', 'last_active_ms', 'inactivity_key', 'billable', 'seen_generation', 'write_id',
] as const;

/** `group_members` columns an upsert writes, in VALUES order. */
export const memberColumns = ['account_id', 'group_hash', 'seen_generation', 'write_id'] as const;

/** `user_search_words` columns an upsert writes, in VALUES order (searchWords.ts). */
export const wordColumns = ['account_hash', 'word', 'seen_generation', 'write_id'] as const;

/** `products` columns a registration writes, in VALUES order. */
export const productRegisterColumns = [
  'product_key', 'resource_id', 'product_hash', 'name', 'site_url', 'seat_capacity', 'seen_generation',
] as const;

/** `directory_groups` columns a registration writes, in VALUES order. */
export const groupRegisterColumns = [
  'group_id', 'group_hash', 'name', 'name_key', 'description', 'idp_synced', 'modifiable', 'user_count', 'seen_generation',
] as const;

/**
 * An upsert keyed by the first `keyCount` columns: a repeated key overwrites the other columns (those in `kept` only
 * with a value, a NULL keeps the stored one), then `extra`.
 */
const upsertOf = (table: string, columns: readonly string[], keyCount: number, extra = '', kept: readonly string[] = []): MultiRowInsert => ({
  head: `INSERT INTO ${table} (${columns.join(',')}) VALUES`,
  tail:
    'ON DUPLICATE KEY UPDATE ' +
    columns
      .slice(keyCount)
      .map((c) => (kept.includes(c) ? `${c}=COALESCE(VALUES(${c}),${c})` : `${c}=VALUES(${c})`))
      .join(',') +
    extra,
  columns: columns.length,
});

/** Rows that only register a row not there yet: an existing row (a synced one) is left as it is. */
const registerOf = (table: string, columns: readonly string[]): MultiRowInsert => ({
  head: `INSERT INTO ${table} (${columns.join(',')}) VALUES`,
  tail: `ON DUPLICATE KEY UPDATE ${columns[0] ?? ''}=${columns[0] ?? ''}`,
  columns: columns.length,
});

/**
 * A user seen again is back in the org: the upsert clears the "left" mark. A write that does not know the user's
 * directory (a live read after an action) keeps the one the sync stored.
 */
export const usersUpsert = upsertOf('users', userColumns, 1, ',left_generation=NULL', ['directory_id', 'directory_name']);
/** A written access or membership row belongs to a user in the org (the column defaults to 0 on insert). */
export const accessUpsert = upsertOf('user_product_access', accessColumns, 2, ',user_left=0');
export const membersUpsert = upsertOf('group_members', memberColumns, 2, ',user_left=0');
/** A user's search words; those the user no longer has are removed like stale access rows. */
export const wordsUpsert = upsertOf('user_search_words', wordColumns, 2);
/**
 * Products and groups seen on users are registered, so that reads, which join access rows to `products` and
 * membership rows to `directory_groups` by hash, never lose one, and the dashboard lists every product.
 */
export const productsRegister = registerOf('products', productRegisterColumns);
export const groupsRegister = registerOf('directory_groups', groupRegisterColumns);

