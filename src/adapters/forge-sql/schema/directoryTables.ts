/**
 * DDL for the synced directory (docs/schema.md). Indexes are declared inline so each table is one
 * idempotent DDL request (Forge allows 25 DDL requests a minute). `*_key` columns are sort/search keys
 * computed in the adapter (folded text, epoch-millisecond numbers), compared byte-wise (utf8mb4_bin)
 * so MariaDB and TiDB order them identically. `users` keeps few, wide indexes (writes pay per index): the
 * name index carries the low-cardinality columns its partitioned sorts filter on, the inactivity index what
 * the D1 totals count. `directory_*` name the directory the sync read the user from (the B2 hand-off list).
 */
export const TABLE_OPTIONS = 'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

export const createUsers = `CREATE TABLE IF NOT EXISTS users (
  account_id VARCHAR(128) NOT NULL,
  account_hash BIGINT NOT NULL,
  name VARCHAR(512) NOT NULL,
  name_key VARCHAR(255) NOT NULL,
  email VARCHAR(320) NULL,
  email_key VARCHAR(320) NOT NULL,
  email_domain VARCHAR(255) NOT NULL,
  account_type VARCHAR(16) NOT NULL,
  account_status VARCHAR(16) NOT NULL,
  membership_status VARCHAR(16) NOT NULL,
  managed TINYINT NOT NULL,
  management_source VARCHAR(16) NULL,
  billable TINYINT NOT NULL,
  added_to_org_at DATETIME(3) NULL,
  added_key BIGINT NOT NULL,
  activity_known TINYINT NOT NULL,
  inactivity_key BIGINT NOT NULL,
  platform_roles TEXT NOT NULL,
  directory_id VARCHAR(128) NULL,
  directory_name VARCHAR(255) NULL,
  seen_generation INT NOT NULL,
  left_generation INT NULL,
  PRIMARY KEY (account_id),
  INDEX idx_users_name (name_key, account_id, account_status, managed, billable),
  INDEX idx_users_email (email_key, account_id),
  INDEX idx_users_domain (email_domain, email_key),
  INDEX idx_users_inactivity (inactivity_key, account_id, billable, left_generation),
  INDEX idx_users_added (added_key, account_id),
  INDEX idx_users_hash (account_hash)
) ${TABLE_OPTIONS}`;

/**
 * The search words of each user (users/searchWords.ts): the folded name and email from each place a word starts.
 * Clustered by user (`account_hash`, users/accountHash.ts: 8 bytes where the account ID takes about 43, once in the
 * row and once in the word index), as they are written and swept; the word index (word, then the primary key's
 * account_hash) answers a search as one prefix range, and `users.idx_users_hash` leads back to the users.
 */
export const createUserSearchWords = `CREATE TABLE IF NOT EXISTS user_search_words (
  account_hash BIGINT NOT NULL,
  word VARCHAR(255) NOT NULL,
  seen_generation INT NOT NULL,
  write_id BIGINT NOT NULL,
  PRIMARY KEY (account_hash, word),
  INDEX idx_words_word (word)
) ${TABLE_OPTIONS}`;

/**
 * Keyed by `product_hash` (products/productHash.ts): short keys keep the rows and the D2 covering-index scan
 * small. The workspace ARI is not repeated per user: reads get it from `products` (the same upsert registers
 * every product it writes access to). `product_key` stays for the product filter; `last_active_ms` is the
 * activity in epoch milliseconds (NULL: none). `idx_access_order` (with the primary key's account_id after it) is a
 * product's users in the order of their access key: the per-product state ranges and activity sorts walk it.
 */
export const createUserProductAccess = `CREATE TABLE IF NOT EXISTS user_product_access (
  account_id VARCHAR(128) NOT NULL,
  product_hash BIGINT NOT NULL,
  product_key VARCHAR(64) NOT NULL,
  last_active_ms BIGINT NULL,
  inactivity_key BIGINT NOT NULL,
  billable TINYINT NOT NULL,
  user_left TINYINT NOT NULL DEFAULT 0,
  seen_generation INT NOT NULL,
  write_id BIGINT NOT NULL,
  PRIMARY KEY (account_id, product_hash),
  INDEX idx_access_product (product_hash, user_left, inactivity_key, billable),
  INDEX idx_access_order (product_hash, inactivity_key)
) ${TABLE_OPTIONS}`;

/**
 * Groups; `group_hash` (groups/groupHash.ts) is what memberships name them by. A group first seen on a user is
 * registered (named as the user's group reference names it) until the groups sync writes it, with the directory it
 * read the group from (`directory_*`, NULL until then).
 */
export const createDirectoryGroups = `CREATE TABLE IF NOT EXISTS directory_groups (
  group_id VARCHAR(128) NOT NULL,
  group_hash BIGINT NOT NULL,
  name VARCHAR(255) NOT NULL,
  name_key VARCHAR(255) NOT NULL,
  description TEXT NULL,
  idp_synced TINYINT NOT NULL,
  modifiable TINYINT NOT NULL,
  user_count INT NOT NULL,
  directory_id VARCHAR(128) NULL,
  directory_name VARCHAR(255) NULL,
  seen_generation INT NOT NULL,
  PRIMARY KEY (group_id),
  UNIQUE KEY uq_groups_hash (group_hash),
  INDEX idx_groups_name (name_key, group_id)
) ${TABLE_OPTIONS}`;

export const createGroupGrants = `CREATE TABLE IF NOT EXISTS group_grants (
  group_id VARCHAR(128) NOT NULL,
  product_key VARCHAR(64) NOT NULL,
  resource_id VARCHAR(255) NOT NULL,
  role VARCHAR(128) NOT NULL,
  seen_generation INT NOT NULL,
  write_id BIGINT NOT NULL,
  PRIMARY KEY (group_id, product_key, resource_id, role),
  INDEX idx_grants_product (product_key, resource_id)
) ${TABLE_OPTIONS}`;

/**
 * Memberships (about four per user), clustered by user: written with the user and read per user (pages,
 * stale-row cleanup); the group index lets a selective group filter start from the group's members. A row
 * names its group by `group_hash` only: the id and the name are read from `directory_groups`.
 */
export const createGroupMembers = `CREATE TABLE IF NOT EXISTS group_members (
  account_id VARCHAR(128) NOT NULL,
  group_hash BIGINT NOT NULL,
  user_left TINYINT NOT NULL DEFAULT 0,
  seen_generation INT NOT NULL,
  write_id BIGINT NOT NULL,
  PRIMARY KEY (account_id, group_hash),
  INDEX idx_members_group (group_hash, user_left)
) ${TABLE_OPTIONS}`;

/** Products per site; a product first seen on a user is registered here (named by its key) until synced. */
export const createProducts = `CREATE TABLE IF NOT EXISTS products (
  product_key VARCHAR(64) NOT NULL,
  resource_id VARCHAR(255) NOT NULL,
  product_hash BIGINT NOT NULL,
  name VARCHAR(255) NOT NULL,
  site_url VARCHAR(512) NULL,
  seat_capacity INT NULL,
  seen_generation INT NOT NULL,
  PRIMARY KEY (product_key, resource_id),
  UNIQUE KEY uq_products_hash (product_hash)
) ${TABLE_OPTIONS}`;
