import type { User } from '../../../domain/model/user';
import { chunked, multiRowStatements, type MultiRowInsert } from '../sql/multiRowStatements';
import { placeholders, type SqlValue, type Statement } from '../sql/sqlValues';
import { accessColumns, accessRowValues, memberColumns, memberRowValues, userColumns, userRowValues } from './userRows';

const upsertOf = (table: string, columns: readonly string[], keyCount: number, extra = ''): MultiRowInsert => ({
  head: `INSERT INTO ${table} (${columns.join(',')}) VALUES`,
  tail:
    'ON DUPLICATE KEY UPDATE ' +
    columns
      .slice(keyCount)
      .map((c) => `${c}=VALUES(${c})`)
      .join(',') +
    extra,
  columns: columns.length,
});

/** A user seen again is back in the org: the upsert clears the "left" mark. */
const usersUpsert = upsertOf('users', userColumns, 1, ',left_generation=NULL');
/** A written access or membership row belongs to a user in the org (the column defaults to 0 on insert). */
const accessUpsert = upsertOf('user_product_access', accessColumns, 2, ',user_left=0');
/** Products seen on users are registered (named by their key) so the dashboard lists them; a synced row wins. */
const productsRegister: MultiRowInsert = {
  head: 'INSERT INTO products (product_key,resource_id,product_hash,name,site_url,seat_capacity,seen_generation) VALUES',
  tail: 'ON DUPLICATE KEY UPDATE product_key=product_key',
  columns: 7,
};
const membersUpsert = upsertOf('group_members', memberColumns, 2, ',user_left=0');

/** Rows sorted by their first `keyColumns` values (the primary key): InnoDB inserts in key order far faster. */
const byKey = (rows: SqlValue[][], keyColumns: number): SqlValue[][] =>
  rows
    .map((row) => ({ row, key: row.slice(0, keyColumns).join('\u0000') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.row);

/**
 * A per-call stamp: rows of these users that this call did not write are stale (access or group removed).
 * 31 random bits keep the rows short; a repeat would only leave one stale row until the next write.
 */
export const newWriteId = (): number => 1 + Math.floor(Math.random() * 0x7ffffffe);

/**
 * The statements of one `upsertMany`, as one lane per table: the users lane first in the list, and it must run
 * after the others (it marks the user's activity as known); the others may run side by side (no foreign keys),
 * statements within a lane run in order. The access and membership lanes end by deleting the
 * batch's rows that this write did not stamp (what the directory no longer lists). Every step is
 * idempotent, so a slice that fails half-way is simply run again. Every statement is built before any
 * is sent, so an oversized row fails the call before it writes anything.
 */
export const userUpsertLanes = (users: readonly User[], generation: number, writeId: number): Statement[][] => {
  const ids = users.map((u) => u.accountId);
  const stale = (table: string): Statement[] =>
    chunked(ids, 5000).map((chunk) => ({
      query: `DELETE FROM ${table} WHERE account_id IN ${placeholders(chunk.length)} AND write_id <> ?`,
      params: [...chunk, writeId],
    }));
  const accessRows = byKey(users.flatMap((u) => accessRowValues(u, generation, writeId)), 2);
  const seenProducts = new Map<number, SqlValue[]>();
  for (const row of accessRows) {
    const [, hash, key, resource] = row;
    if (typeof hash === 'number' && !seenProducts.has(hash)) seenProducts.set(hash, [key ?? '', resource ?? '', hash, key ?? '', null, null, generation]);
  }
  const memberRows = byKey(users.flatMap((u) => memberRowValues(u, generation, writeId)), 2);
  return [
    [...multiRowStatements(usersUpsert, byKey(users.map((u) => userRowValues(u, generation)), 1))],
    [
      ...multiRowStatements(productsRegister, [...seenProducts.values()]),
      ...multiRowStatements(accessUpsert, accessRows),
      ...stale('user_product_access'),
    ],
    [...multiRowStatements(membersUpsert, memberRows), ...stale('group_members')],
  ];
};

/** Marks users (and their access and membership rows) not seen since `generation` as having left. */
export const markLeftStatements = (generation: number): Statement[] => [
  {
    query:
      "UPDATE users SET left_generation = ?, membership_status = 'no_membership' " +
      'WHERE seen_generation < ? AND left_generation IS NULL',
    params: [generation, generation],
  },
  {
    query: 'UPDATE user_product_access SET user_left = 1 WHERE seen_generation < ? AND user_left = 0',
    params: [generation],
  },
  { query: 'UPDATE group_members SET user_left = 1 WHERE seen_generation < ? AND user_left = 0', params: [generation] },
];

/** Every table that names an account; erasing a user deletes from each (P3). */
export const eraseStatements = (accountId: string): Statement[] =>
  [
    'users',
    'user_product_access',
    'group_members',
    'project_role_members',
    'jsm_customers',
    'jsm_organization_members',
    'job_items',
  ].map((table) => ({ query: `DELETE FROM ${table} WHERE account_id = ?`, params: [accountId] }));
