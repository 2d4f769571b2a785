import type { User } from '../../../domain/model/user';
import type { UpsertUsersOptions } from '../../../domain/ports/userRepository';
import {
  chunked,
  MultiRowBuilder,
  multiRowStatements,
  statementBaseBytes,
  STATEMENT_BYTE_BUDGET,
  type MultiRowInsert,
} from '../sql/multiRowStatements';
import { byCodeUnit, placeholders, type Statement } from '../sql/sqlValues';
import {
  accessColumns,
  ChildRowWriter,
  groupRegisterColumns,
  groupRegistrations,
  memberColumns,
  productRegisterColumns,
  productRegistrations,
  userColumns,
  userRowsBound,
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
const GROUP_HASH_COLUMN = groupRegisterColumns.indexOf('group_hash');

/** Users ordered by account id (the primary key of all three tables): InnoDB inserts in key order far faster. */
const byAccountId = (users: readonly User[]): User[] =>
  [...users].sort((a, b) => byCodeUnit(a.accountId, b.accountId));

/**
 * A per-call stamp: rows of these users that this call did not write are stale (access or group removed).
 * 31 random bits keep the rows short; a repeat would only leave one stale row until the next write.
 */
export const newWriteId = (): number => 1 + Math.floor(Math.random() * 0x7ffffffe);

/**
 * Users per part of one call. Small parts keep the three lanes (see {@link runUserUpsert}) close together: the
 * statements are ≈ 150 KB, so one being encoded never holds the others up for long, and a call starts and ends
 * with only one part on a single lane. A part is three DML requests (five when stale rows are deleted at once),
 * so at 20,000 users/s the calls make about 100 of the 150 DML requests a second Forge allows.
 */
export const UPSERT_PART_USERS = 625;

/** The statements of one part: a run of users in account-id order. */
export interface UserUpsertPart {
  /** Upserts the part's access rows (then, with `staleRows: 'now'`, deletes its users' access rows not stamped). */
  access: Statement[];
  /** Upserts the part's membership rows (then, with `staleRows: 'now'`, deletes its users' stale memberships). */
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
  /** How many parts of {@link UPSERT_PART_USERS} users, in account-id order, the batch has. */
  partCount: number;
  /** Builds part `k`'s statements: {@link runUserUpsert} asks for each once, while the part before it is written. */
  part(k: number): UserUpsertPart;
}

export interface UserUpsertOptions {
  /** When rows the users no longer have are deleted (UpsertUsersOptions in the port); default `now`. */
  staleRows?: UpsertUsersOptions['staleRows'];
  /** Users per part; default {@link UPSERT_PART_USERS}. */
  partUsers?: number;
}

const staleDelete = (table: string, users: readonly User[], writeId: number): Statement[] =>
  chunked(users.map((u) => u.accountId), 5000).map((chunk) => ({
    query: `DELETE FROM ${table} WHERE account_id IN ${placeholders(chunk.length)} AND write_id <> ?`,
    params: [...chunk, writeId],
  }));

/**
 * One part's statements: its access and membership rows through the call's {@link ChildRowWriter} (hash texts
 * shared by every part), then, with `now`, the stale-row deletes; its users rows through `multiRowStatements`.
 */
const partOf = (
  users: readonly User[],
  generation: number,
  writeId: number,
  rows: ChildRowWriter,
  deleteStale: boolean,
): UserUpsertPart => {
  const access: Statement[] = [];
  const members: Statement[] = [];
  const accessRows = new MultiRowBuilder(accessUpsert);
  const memberRows = new MultiRowBuilder(membersUpsert);
  for (const user of users) {
    rows.access(user, accessRows, access);
    rows.members(user, memberRows, members);
  }
  for (const [builder, out] of [[accessRows, access], [memberRows, members]] as const) {
    const last = builder.finish();
    if (last !== undefined) out.push(last);
  }
  if (deleteStale) {
    access.push(...staleDelete('user_product_access', users, writeId));
    members.push(...staleDelete('group_members', users, writeId));
  }
  return { access, members, users: [...multiRowStatements(usersUpsert, users.map((u) => userRowValues(u, generation)))] };
};

/** What one row may add to a users, access or membership statement and still fit a request. */
const ROW_ROOM = STATEMENT_BYTE_BUDGET - Math.max(...[usersUpsert, accessUpsert, membersUpsert].map(statementBaseBytes));

/**
 * Refuses the batch (STORAGE_LIMIT) when one of its rows is larger than a request may be, before anything is sent.
 * A cheap bound clears almost every user ({@link userRowsBound}); a user it does not clear has its rows built and
 * measured exactly.
 */
const assertRowsFit = (users: readonly User[], generation: number, writeId: number, rows: ChildRowWriter): void => {
  for (const user of users) {
    if (userRowsBound(user) > ROW_ROOM) partOf([user], generation, writeId, rows, false);
  }
};

/**
 * Plans one `upsertMany`: the registrations now, each part's statements when {@link runUserUpsert} reaches it,
 * so that building part k+1 overlaps the writing of part k. Every row is checked to fit a request first, so an
 * oversized row fails the call before it writes anything. Every step is idempotent, so a slice that fails
 * half-way is simply run again.
 */
export const userUpsertPlan = (
  users: readonly User[],
  generation: number,
  writeId: number,
  { staleRows = 'now', partUsers = UPSERT_PART_USERS }: UserUpsertOptions = {},
): UserUpsertPlan => {
  const rows = new ChildRowWriter(generation, writeId);
  assertRowsFit(users, generation, writeId, rows);
  const groups = groupRegistrations(users, generation);
  // The registration rows are one per distinct group: their hashes are what the check counts.
  const hashes = [...new Set(groups.map((row) => row[GROUP_HASH_COLUMN] ?? null))];
  const parts = chunked(byAccountId(users), partUsers);
  return {
    products: [...multiRowStatements(productsRegister, productRegistrations(users, generation))],
    groupCheck: chunked(hashes).map((chunk) => ({
      query: `SELECT COUNT(*) AS n FROM directory_groups WHERE group_hash IN ${placeholders(chunk.length)}`,
      params: chunk,
    })),
    groupHashes: hashes.length,
    groupRegistration: [...multiRowStatements(groupsRegister, groups)],
    partCount: parts.length,
    part: (k) => partOf(parts[k] ?? [], generation, writeId, rows, staleRows === 'now'),
  };
};

/** How {@link runUserUpsert} sends statements: in order, each after the one before has finished. */
export interface UpsertSender {
  /** Runs the statements one after another. */
  run(statements: readonly Statement[]): Promise<void>;
  /** Makes sure the plan's groups are in `directory_groups` (registers them, or first checks whether it must). */
  registerGroups(plan: UserUpsertPlan): Promise<void>;
}

/** One turn of the event loop: what the lanes have ready goes out before more synchronous work. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs a plan as three lanes, one per table, each sending its statements in order: access (products first, then
 * each part's access rows), memberships (the groups first, then each part's membership rows) and users, whose
 * part k waits until both other lanes have finished part k. A users row is what says whether the user's
 * activity is known (the fallback selects on it), so a write cut short never leaves a user marked known over
 * access rows it did not write. Never two statements on one table at once (no gap-lock deadlocks between them),
 * yet the users rows of part k go in while the access and membership rows of part k+1 do: the server works on
 * three tables at a time instead of waiting for the slowest lane. Part k+1 is built once part k is handed to the
 * lanes, while the server writes it. The first error stops every lane at its next step and is thrown once all
 * have stopped; the parts written before it are complete.
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
  let access = step(plan.products)().catch(stopOnError);
  let members = sender.registerGroups(plan).catch(stopOnError);
  let users: Promise<void> = Promise.resolve();
  for (let k = 0; k < plan.partCount && state.failure === null; k++) {
    let part: UserUpsertPart;
    try {
      part = plan.part(k);
    } catch (error) {
      state.failure ??= { error };
      break;
    }
    access = access.then(step(part.access)).catch(stopOnError);
    members = members.then(step(part.members)).catch(stopOnError);
    users = Promise.all([access, members, users]).then(step(part.users)).catch(stopOnError);
    await nextTurn();
  }
  await Promise.allSettled([access, members, users]);
  if (state.failure !== null) throw state.failure.error;
};

/** The statements of `markLeftBefore(generation)`; {@link runMarkLeft} gives the order they run in. */
export interface MarkLeftStatements {
  /**
   * Per child table (access, memberships): the sweep, which deletes the rows that users written at `generation`
   * no longer have, then the marking of the rows of users not seen since `generation` (kept, no longer counted).
   */
  children: [sweep: Statement, mark: Statement][];
  /** Marks users not seen since `generation` as having left; its count is what markLeftBefore returns. */
  users: Statement;
}

/**
 * The end of a full walk at `generation`. The sweep removes what upserts with `staleRows: 'at-mark-left'` left
 * behind: rows older than `generation` of users written at `generation`. It runs before the marking, which
 * would otherwise take those rows for rows of users who left.
 */
export const markLeftStatements = (generation: number): MarkLeftStatements => ({
  children: ['user_product_access', 'group_members'].map((table) => [
    {
      query:
        `DELETE FROM ${table} WHERE seen_generation < ? ` +
        'AND account_id IN (SELECT account_id FROM users WHERE seen_generation >= ?)',
      params: [generation, generation],
    },
    { query: `UPDATE ${table} SET user_left = 1 WHERE seen_generation < ? AND user_left = 0`, params: [generation] },
  ]),
  users: {
    query:
      "UPDATE users SET left_generation = ?, membership_status = 'no_membership' " +
      'WHERE seen_generation < ? AND left_generation IS NULL',
    params: [generation, generation],
  },
});

/**
 * Runs the walk's end in three lanes, one per table: each child table's sweep and then its marking, and the users
 * marking once both sweeps are done (the sweeps read `users`; the marking writes rows they read). Each statement
 * scans its whole table, so the lanes let the server scan two tables at a time. Returns the users marked.
 * Every statement is idempotent: a run cut short is simply run again.
 */
export const runMarkLeft = async (statements: MarkLeftStatements, execute: (s: Statement) => Promise<number>): Promise<number> => {
  const sweeps = statements.children.map(([sweep]) => execute(sweep));
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
