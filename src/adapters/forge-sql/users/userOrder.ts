import type { UserFilter, UserQuery, UserSortKey } from '../../../domain/ports/userRepository';
import type { KeysetOrder } from '../sql/keyset';
import type { SqlValue } from '../sql/sqlValues';

/**
 * How a sort is read. `keyset`: one index scan over `order` (the last column, account_id, breaks ties).
 * `partitioned`: sorts led by a column of few values (status, managed, billable) are one name-ordered scan
 * per value, in order, over the name index that carries those columns; the cursor adds the value.
 */
export type UserOrder =
  | { kind: 'keyset'; order: KeysetOrder; tag: string }
  | { kind: 'partitioned'; column: string; values: SqlValue[]; order: KeysetOrder; tag: string };

const byName = ['u.name_key', 'u.account_id'];

/** Every value the partition column can hold, in ascending (byte-wise) order. */
const partitions: Partial<Record<UserSortKey, { column: string; values: SqlValue[] }>> = {
  accountStatus: { column: 'u.account_status', values: ['active', 'closed', 'inactive'] },
  managed: { column: 'u.managed', values: [0, 1] },
  billable: { column: 'u.billable', values: [0, 1] },
};

/**
 * Single-index sorts. `lastActiveAt` reads the inactivity key backwards: most recent first when
 * descending, users without activity (never active, then unknown) first when ascending, like NULLs in MySQL.
 */
const keysetColumns: Partial<Record<UserSortKey, { columns: string[]; reversed: boolean }>> = {
  name: { columns: byName, reversed: false },
  email: { columns: ['u.email_key', 'u.account_id'], reversed: false },
  lastActiveAt: { columns: ['u.inactivity_key', 'u.account_id'], reversed: true },
  addedToOrgAt: { columns: ['u.added_key', 'u.account_id'], reversed: false },
  inactivity: { columns: ['u.inactivity_key', 'u.account_id'], reversed: false },
};

/** The plan for a sort, and the tag its cursors carry (a cursor only fits its own sort). */
export const userOrder = (sort: UserQuery['sort']): UserOrder => {
  const tag = `users:${sort.key}:${sort.direction}`;
  const partition = partitions[sort.key];
  if (partition !== undefined) {
    const values = sort.direction === 'asc' ? partition.values : [...partition.values].reverse();
    return { kind: 'partitioned', column: partition.column, values, order: { columns: byName, direction: sort.direction }, tag };
  }
  const spec = keysetColumns[sort.key] ?? { columns: byName, reversed: false };
  const ascending = (sort.direction === 'asc') !== spec.reversed;
  return { kind: 'keyset', order: { columns: spec.columns, direction: ascending ? 'asc' : 'desc' }, tag };
};

/** Partition values the filter rules out need no query (e.g. sort by status while filtering on it). */
export const partitionAllowed = (column: string, value: SqlValue, filter: UserFilter): boolean => {
  if (column === 'u.account_status') return !filter.accountStatus?.length || filter.accountStatus.some((s) => s === value);
  if (column === 'u.managed') return filter.managed === undefined || (filter.managed ? 1 : 0) === value;
  if (column === 'u.billable') return filter.billable === undefined || (filter.billable ? 1 : 0) === value;
  return true;
};
