import type { User } from '../../../domain/model/user';
import { chunked, multiRowStatements, type MultiRowInsert } from '../sql/multiRowStatements';
import { groupHash } from '../groups/groupHash';
import { placeholders, type SqlValue, type Statement } from '../sql/sqlValues';
import {
  accessColumns,
  accessRowValues,
  groupRegisterColumns,
  groupRegistrations,
  memberColumns,
  memberRowValues,
  productRegisterColumns,
  productRegistrations,
  userColumns,
  userRowValues,
} from './userRows';

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
/** Rows that only register a row not there yet: an existing row (a synced one) is left as it is. */
const registerOf = (table: string, columns: readonly string[]): MultiRowInsert => ({
  head: `INSERT INTO ${table} (${columns.join(',')}) VALUES`,
  tail: `ON DUPLICATE KEY UPDATE ${columns[0] ?? ''}=${columns[0] ?? ''}`,
  columns: columns.length,
});
/**
 * Products and groups seen on users are registered, so that reads, which join access rows to `products` and
 * membership rows to `directory_groups` by hash, never lose one, and the dashboard lists every product.
 */
const productsRegister = registerOf('products', productRegisterColumns);
const groupsRegister = registerOf('directory_groups', groupRegisterColumns);
const membersUpsert = upsertOf('group_members', memberColumns, 2, ',user_left=0');

const compareValues = (a: SqlValue, b: SqlValue): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Rows sorted by their first `keyColumns` values (the primary key): InnoDB inserts in key order far faster. */
const byKey = (rows: SqlValue[][], keyColumns: number): SqlValue[][] =>
  [...rows].sort((a, b) => {
    for (let i = 0; i < keyColumns; i++) {
      const order = compareValues(a[i] ?? null, b[i] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  });

/**
 * A per-call stamp: rows of these users that this call did not write are stale (access or group removed).
 * 31 random bits keep the rows short; a repeat would only leave one stale row until the next write.
 */
export const newWriteId = (): number => 1 + Math.floor(Math.random() * 0x7ffffffe);

/** The statements of one `upsertMany`, by purpose; {@link userUpsertLanes} gives the order they run in. */
export interface UserUpsertPlan {
  /** The users rows. */
  users: Statement[];
  /** Registers the batch's products, upserts its access rows, deletes its users' stale access rows. */
  access: Statement[];
  /** `SELECT COUNT(*) AS n` of the batch's distinct group hashes present in `directory_groups` (per chunk). */
  groupCheck: Statement[];
  /** How many distinct group hashes the batch names: when the check counts fewer, some group is new. */
  groupHashes: number;
  /** Registers the batch's groups (a no-op for those already there). */
  groupRegistration: Statement[];
  /** Upserts the batch's membership rows, deletes its users' stale membership rows. */
  members: Statement[];
}

/**
 * Builds every statement of one `upsertMany` before any is sent, so an oversized row fails the call before it
 * writes anything. Every step is idempotent, so a slice that fails half-way is simply run again.
 */
export const userUpsertPlan = (users: readonly User[], generation: number, writeId: number): UserUpsertPlan => {
  const ids = users.map((u) => u.accountId);
  const stale = (table: string): Statement[] =>
    chunked(ids, 5000).map((chunk) => ({
      query: `DELETE FROM ${table} WHERE account_id IN ${placeholders(chunk.length)} AND write_id <> ?`,
      params: [...chunk, writeId],
    }));
  const accessRows = byKey(users.flatMap((u) => accessRowValues(u, generation, writeId)), 2);
  const memberRows = byKey(users.flatMap((u) => memberRowValues(u, generation, writeId)), 2);
  const hashes = [...new Set(users.flatMap((u) => u.groups.map((g) => groupHash(g.id))))];
  return {
    users: [...multiRowStatements(usersUpsert, byKey(users.map((u) => userRowValues(u, generation)), 1))],
    access: [
      ...multiRowStatements(productsRegister, productRegistrations(users, generation)),
      ...multiRowStatements(accessUpsert, accessRows),
      ...stale('user_product_access'),
    ],
    groupCheck: chunked(hashes).map((chunk) => ({
      query: `SELECT COUNT(*) AS n FROM directory_groups WHERE group_hash IN ${placeholders(chunk.length)}`,
      params: chunk,
    })),
    groupHashes: hashes.length,
    groupRegistration: [...multiRowStatements(groupsRegister, groupRegistrations(users, generation))],
    members: [...multiRowStatements(membersUpsert, memberRows), ...stale('group_members')],
  };
};

/**
 * The statements of one `upsertMany`, as one lane per table: the users lane first in the list, and it must run
 * after the others (it marks the user's activity as known); the others may run side by side (no foreign keys),
 * statements within a lane run in order. The access and membership lanes first register the products and groups
 * their rows name (so a row is never written before what a read joins it to), and end by deleting the
 * batch's rows that this write did not stamp (what the directory no longer lists). The repository runs the same
 * statements, but first counts the batch's groups already in `directory_groups` and skips the group registration
 * when none is new (the usual case after the groups phase), since registering every group of a 100-user page
 * would cost about as many bytes as the membership rows themselves.
 */
export const userUpsertLanes = (users: readonly User[], generation: number, writeId: number): Statement[][] => {
  const plan = userUpsertPlan(users, generation, writeId);
  return [plan.users, plan.access, [...plan.groupRegistration, ...plan.members]];
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
