import type { User } from '../../../domain/model/user';
import type { UpsertUsersOptions } from '../../../domain/ports/userRepository';
import { chunked, multiRowStatements, statementBaseBytes, STATEMENT_BYTE_BUDGET } from '../sql/multiRowStatements';
import { byCodeUnit, placeholders, type SqlValue, type Statement } from '../sql/sqlValues';
import { accountHash } from './accountHash';
import { groupRegistrations, productRegistrations } from './registrationRows';
import { accessRowValues, memberRowValues, userRowsBound, userRowValues, wordRowValues } from './userRowValues';
import { accessUpsert, groupRegisterColumns, groupsRegister, membersUpsert, productsRegister, usersUpsert, wordsUpsert } from './userTables';

const GROUP_HASH_COLUMN = groupRegisterColumns.indexOf('group_hash');

/** Users ordered by account id (the primary key of every table written): InnoDB inserts in key order far faster. */
const byAccountId = (users: readonly User[]): User[] =>
  [...users].sort((a, b) => byCodeUnit(a.accountId, b.accountId));

/**
 * A per-call stamp: rows of these users that this call did not write are stale (access or group removed).
 * 31 random bits keep the rows short; a repeat would only leave one stale row until the next write.
 */
export const newWriteId = (): number => 1 + Math.floor(Math.random() * 0x7ffffffe);

/**
 * Users per part of one call. Small parts keep the lanes (userUpsertLanes.ts) close together: the
 * statements are ≈ 150 KB, so one being built never holds the others up for long, and a call starts and ends
 * with only one part on a single lane. A part is four DML requests (seven when stale rows are deleted at once).
 */
export const UPSERT_PART_USERS = 625;

/** The statements of one part: a run of users in account-id order. */
export interface UserUpsertPart {
  /** Upserts the part's access rows (then, with `staleRows: 'now'`, deletes its users' access rows not stamped). */
  access: Statement[];
  /** Upserts the part's membership rows (then, with `staleRows: 'now'`, deletes its users' stale memberships). */
  members: Statement[];
  /** Upserts the part's search word rows (then, with `staleRows: 'now'`, deletes the words its users no longer have). */
  words: Statement[];
  /** The part's users rows: written once its access, membership and word rows are. */
  users: Statement[];
}

/** The statements of one `upsertMany`; `runUserUpsert` (userUpsertLanes.ts) gives the order they run in. */
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
  /** Builds part `k`'s statements: `runUserUpsert` asks for each once, while the part before it is written. */
  part(k: number): UserUpsertPart;
}

export interface UserUpsertOptions {
  /** When rows the users no longer have are deleted (UpsertUsersOptions in the port); default `now`. */
  staleRows?: UpsertUsersOptions['staleRows'];
  /** Users per part; default {@link UPSERT_PART_USERS}. */
  partUsers?: number;
}

/** Deletes the rows of `table` whose `column` is one of `keys` (the batch's users) that this write did not write. */
const staleDelete = (table: string, column: string, keys: readonly SqlValue[], writeId: number): Statement[] =>
  chunked(keys, 5000).map((chunk) => ({
    query: `DELETE FROM ${table} WHERE ${column} IN ${placeholders(chunk.length)} AND write_id <> ?`,
    params: [...chunk, writeId],
  }));

/** One part's statements: its rows of each table, and with `deleteStale` the stale-row deletes after them. */
const partOf = (users: readonly User[], generation: number, writeId: number, deleteStale: boolean): UserUpsertPart => ({
  access: [
    ...multiRowStatements(accessUpsert, users.flatMap((u) => accessRowValues(u, generation, writeId))),
    ...(deleteStale ? staleDelete('user_product_access', 'account_id', users.map((u) => u.accountId), writeId) : []),
  ],
  members: [
    ...multiRowStatements(membersUpsert, users.flatMap((u) => memberRowValues(u, generation, writeId))),
    ...(deleteStale ? staleDelete('group_members', 'account_id', users.map((u) => u.accountId), writeId) : []),
  ],
  words: [
    // In the primary key's order: by user hash (a stable sort keeps each user's words in order).
    ...multiRowStatements(wordsUpsert, users.flatMap((u) => wordRowValues(u, generation, writeId)).sort((x, y) => Number(x[0]) - Number(y[0]))),
    ...(deleteStale ? staleDelete('user_search_words', 'account_hash', users.map((u) => accountHash(u.accountId)), writeId) : []),
  ],
  users: [...multiRowStatements(usersUpsert, users.map((u) => userRowValues(u, generation)))],
});

/** What one row may add to a users, access, membership or word statement and still fit a request. */
const ROW_ROOM = STATEMENT_BYTE_BUDGET - Math.max(...[usersUpsert, accessUpsert, membersUpsert, wordsUpsert].map(statementBaseBytes));

/**
 * Refuses the batch (STORAGE_LIMIT) when one of its rows is larger than a request may be, before anything is sent.
 * A cheap bound clears almost every user ({@link userRowsBound}); a user it does not clear has its rows built and
 * measured exactly.
 */
const assertRowsFit = (users: readonly User[], generation: number, writeId: number): void => {
  for (const user of users) {
    if (userRowsBound(user) > ROW_ROOM) partOf([user], generation, writeId, false);
  }
};

/**
 * Plans one `upsertMany`: the registrations now, each part's statements when `runUserUpsert` reaches it, so that
 * building part k+1 overlaps the writing of part k. Every row is checked to fit a request first, so an oversized
 * row fails the call before it writes anything. Every step is idempotent, so a slice that fails half-way is
 * simply run again.
 */
export const userUpsertPlan = (
  users: readonly User[],
  generation: number,
  writeId: number,
  { staleRows = 'now', partUsers = UPSERT_PART_USERS }: UserUpsertOptions = {},
): UserUpsertPlan => {
  assertRowsFit(users, generation, writeId);
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
    part: (k) => partOf(parts[k] ?? [], generation, writeId, staleRows === 'now'),
  };
};
