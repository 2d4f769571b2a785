import type { User } from '../../../domain/model/user';
import { chunked, multiRowStatements, type MultiRowInsert } from '../sql/multiRowStatements';
import { groupHash } from '../groups/groupHash';
import { byCodeUnit, placeholders, type SqlValue, type Statement } from '../sql/sqlValues';
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

/** Users ordered by account id (the primary key of all three tables): InnoDB inserts in key order far faster. */
const byAccountId = (users: readonly User[]): User[] =>
  [...users].sort((a, b) => byCodeUnit(a.accountId, b.accountId));

/** One user's child rows ordered by their second key column (a 53-bit hash), so the batch stays in key order. */
const byHash = (rows: SqlValue[][]): SqlValue[][] =>
  rows.length < 2 ? rows : rows.sort((a, b) => Number(a[1]) - Number(b[1]));

/**
 * A per-call stamp: rows of these users that this call did not write are stale (access or group removed).
 * 31 random bits keep the rows short; a repeat would only leave one stale row until the next write.
 */
export const newWriteId = (): number => 1 + Math.floor(Math.random() * 0x7ffffffe);

/**
 * Users per part of one call: a part's rows of each table fit in about one statement (≈ 1 MiB), so that the users
 * rows of one part are written while the access and membership rows of the next are.
 */
export const UPSERT_PART_USERS = 2_500;

/** The statements of one part: a run of users in account-id order. */
export interface UserUpsertPart {
  /** Upserts the part's access rows, then deletes its users' access rows this write did not stamp. */
  access: Statement[];
  /** Upserts the part's membership rows, then deletes its users' stale membership rows. */
  members: Statement[];
  /** The part's users rows: written once its access and membership rows are. */
  users: Statement[];
}

/** The statements of one `upsertMany`; {@link runUserUpsert} gives the order they run in. */
export interface UserUpsertPlan {
  /** Registers the products the batch's access rows name. */
  products: Statement[];
  /** `SELECT COUNT(*) AS n` of the batch's distinct group hashes present in `directory_groups` (per chunk). */
  groupCheck: Statement[];
  /** How many distinct group hashes the batch names: when the check counts fewer, some group is new. */
  groupHashes: number;
  /** Registers the batch's groups (a no-op for those already there). */
  groupRegistration: Statement[];
  /** The users in account-id order, in parts of {@link UPSERT_PART_USERS}. */
  parts: UserUpsertPart[];
}

const staleDelete = (table: string, users: readonly User[], writeId: number): Statement[] =>
  chunked(users.map((u) => u.accountId), 5000).map((chunk) => ({
    query: `DELETE FROM ${table} WHERE account_id IN ${placeholders(chunk.length)} AND write_id <> ?`,
    params: [...chunk, writeId],
  }));

const partOf = (users: readonly User[], generation: number, writeId: number): UserUpsertPart => ({
  access: [
    ...multiRowStatements(accessUpsert, users.flatMap((u) => byHash(accessRowValues(u, generation, writeId)))),
    ...staleDelete('user_product_access', users, writeId),
  ],
  members: [
    ...multiRowStatements(membersUpsert, users.flatMap((u) => byHash(memberRowValues(u, generation, writeId)))),
    ...staleDelete('group_members', users, writeId),
  ],
  users: [...multiRowStatements(usersUpsert, users.map((u) => userRowValues(u, generation)))],
});

/**
 * Builds every statement of one `upsertMany` before any is sent, so an oversized row fails the call before it
 * writes anything. Every step is idempotent, so a slice that fails half-way is simply run again.
 */
export const userUpsertPlan = (
  users: readonly User[],
  generation: number,
  writeId: number,
  partUsers: number = UPSERT_PART_USERS,
): UserUpsertPlan => {
  const hashes = [...new Set(users.flatMap((u) => u.groups.map((g) => groupHash(g.id))))];
  return {
    products: [...multiRowStatements(productsRegister, productRegistrations(users, generation))],
    groupCheck: chunked(hashes).map((chunk) => ({
      query: `SELECT COUNT(*) AS n FROM directory_groups WHERE group_hash IN ${placeholders(chunk.length)}`,
      params: chunk,
    })),
    groupHashes: hashes.length,
    groupRegistration: [...multiRowStatements(groupsRegister, groupRegistrations(users, generation))],
    parts: chunked(byAccountId(users), partUsers).map((part) => partOf(part, generation, writeId)),
  };
};

/** How {@link runUserUpsert} sends statements: in order, each after the one before has finished. */
export interface UpsertSender {
  /** Runs the statements one after another. */
  run(statements: readonly Statement[]): Promise<void>;
  /** Makes sure the plan's groups are in `directory_groups` (registers them, or first checks whether it must). */
  registerGroups(plan: UserUpsertPlan): Promise<void>;
}

/**
 * Runs a plan as three lanes, one per table, each sending its statements in order: access (products first, then
 * each part's access rows), memberships (the groups first, then each part's membership rows) and users, whose
 * part k waits until both other lanes have finished part k. A users row is what says whether the user's
 * activity is known (the fallback selects on it), so a write cut short never leaves a user marked known over
 * access rows it did not write. Never two statements on one table at once (no gap-lock deadlocks between them),
 * yet the users rows of part k go in while the access and membership rows of part k+1 do: the server works on
 * three tables at a time instead of waiting for the slowest lane. The first error stops every lane at its next
 * step and is thrown once all have stopped; the parts written before it are complete.
 */
export const runUserUpsert = async (plan: UserUpsertPlan, sender: UpsertSender): Promise<void> => {
  const state: { failure: { error: unknown } | null } = { failure: null };
  const step = (statements: readonly Statement[]) => async (): Promise<void> => {
    if (state.failure === null) await sender.run(statements);
  };
  const stopOnError = (error: unknown): never => {
    state.failure ??= { error };
    throw error;
  };
  const accessDone: Promise<void>[] = [];
  const membersDone: Promise<void>[] = [];
  let access = step(plan.products)().catch(stopOnError);
  let members = sender.registerGroups(plan).catch(stopOnError);
  for (const part of plan.parts) {
    access = access.then(step(part.access)).catch(stopOnError);
    members = members.then(step(part.members)).catch(stopOnError);
    accessDone.push(access);
    membersDone.push(members);
  }
  const users = (async (): Promise<void> => {
    for (const [k, part] of plan.parts.entries()) {
      await Promise.all([accessDone[k], membersDone[k]]);
      await step(part.users)();
    }
  })().catch(stopOnError);
  await Promise.allSettled([access, members, users]);
  if (state.failure !== null) throw state.failure.error;
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
