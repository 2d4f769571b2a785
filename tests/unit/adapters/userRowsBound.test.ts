/**
 * `userRowsBound` lets `upsertMany` check a whole batch against the request limit before it sends anything,
 * without building every statement first: it must never be below what a row of the user really adds.
 */
import fc from 'fast-check';
import { DomainError } from '../../../src/domain/model/errors';
import type { User } from '../../../src/domain/model/user';
import { multiRowStatements, statementBaseBytes, type MultiRowInsert } from '../../../src/adapters/forge-sql/sql/multiRowStatements';
import type { SqlValue } from '../../../src/adapters/forge-sql/sql/sqlValues';
import { accessRowValues, memberRowValues, userRowsBound, userRowValues } from '../../../src/adapters/forge-sql/users/userRowValues';
import { accessColumns, memberColumns, userColumns } from '../../../src/adapters/forge-sql/users/userTables';
import { groups, seedUsers } from '../../integration/forge-sql/support/seedDirectory';

const insertOf = (columns: number): MultiRowInsert => ({ head: 'INSERT INTO t VALUES', tail: '', columns });

/** Whether `row` fits in `rowBytes` bytes beyond the statement's base (multiRowStatements refuses it otherwise). */
const fitsIn = (row: readonly SqlValue[], rowBytes: number): boolean => {
  const insert = insertOf(row.length);
  try {
    return [...multiRowStatements(insert, [row], statementBaseBytes(insert) + rowBytes)].length === 1;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'STORAGE_LIMIT') return false;
    throw error;
  }
};

const rowsOf = (user: User): SqlValue[][] => [
  userRowValues(user, 2_000_000_000),
  ...accessRowValues(user, 2_000_000_000, 2_147_483_647),
  ...memberRowValues(user, 2_000_000_000, 2_147_483_647),
];

const unit = fc.constantFrom('\u0001', '\ufdfa', '\ud800', '"', '\\', 'ß', '𝔸', ' ', 'a', '@');

/**
 * Text that grows the most when encoded or folded (control characters, lone surrogates, U+FDFA, wide characters),
 * either short or close to `maxLength`, so that each field is sometimes the one that dominates a row.
 */
const awkward = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit, maxLength: 8 }),
    fc.string({ unit, minLength: maxLength / 2, maxLength }),
    fc.string({ unit: 'binary', minLength: maxLength / 2, maxLength }),
    fc.tuple(unit, fc.integer({ min: maxLength / 4, max: maxLength / 2 })).map(([c, n]) => c.repeat(n)),
  );

/** An email made of two such texts around an `@`: the local part and the domain both grow when folded. */
const awkwardEmail = (maxLength: number): fc.Arbitrary<string> =>
  fc.tuple(awkward(maxLength / 2), awkward(maxLength / 2)).map(([local, domain]) => `${local}@${domain}`);

const userArb: fc.Arbitrary<User> = fc.record({
  accountId: awkward(128).filter((s) => s.length >= 1),
  name: awkward(20_000),
  email: fc.option(fc.oneof(awkward(5_000), awkwardEmail(5_000)), { nil: null }),
  accountType: fc.constantFrom('atlassian', 'app', 'customer'),
  accountStatus: fc.constantFrom('active', 'inactive', 'closed'),
  membershipStatus: fc.constantFrom('active', 'suspended', 'no_membership'),
  managed: fc.boolean(),
  managementSource: fc.constantFrom('invited', 'synced', null),
  billable: fc.boolean(),
  addedToOrgAt: fc.option(fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true }), { nil: null }),
  productAccess: fc.array(
    fc.record({
      productKey: awkward(5_000).filter((s) => s.length >= 1),
      resourceId: fc.constant('ari:cloud:platform::site/1'),
      lastActiveAt: fc.option(fc.date({ min: new Date(1), max: new Date('2100-01-01'), noInvalidDate: true }), { nil: null }),
    }),
    { maxLength: 4 },
  ),
  activityKnown: fc.boolean(),
  groups: fc.array(fc.record({ id: awkward(40).filter((s) => s.length >= 1), name: awkward(40) }), { maxLength: 3 }),
  platformRoles: fc.array(awkward(64).filter((s) => s.length >= 1), { maxLength: 300 }),
});

describe('userRowsBound', () => {
  it('is never below the bytes any row of the user adds to a statement', () => {
    fc.assert(
      fc.property(userArb, (user) => {
        const bound = userRowsBound(user);
        for (const row of rowsOf(user)) expect(fitsIn(row, bound)).toBe(true);
      }),
      // No shrinking: with strings this long it takes minutes, and the counterexample is printed either way.
      { numRuns: 300, endOnFailure: true },
    );
  });

  it('holds for the users each term of the bound is there for', () => {
    const [base] = seedUsers(1, groups(2), 3);
    if (base === undefined) throw new Error('seeded');
    const plain = { ...base, name: '', email: null, platformRoles: [], productAccess: [], groups: [] };
    const worst: User[] = [
      // NFKC turns U+FDFA into 18 characters, in the key and again in the domain.
      { ...plain, email: `${'\ufdfa'.repeat(2_000)}@${'\ufdfa'.repeat(2_000)}` },
      // Roles are JSON text bound as a string: a control character is `\u0001` and then `\\u0001`.
      { ...plain, platformRoles: Array.from({ length: 300 }, () => '\u0001'.repeat(64)) },
      { ...plain, name: '\u0001'.repeat(20_000) },
      { ...plain, productAccess: [{ productKey: '\u0001'.repeat(5_000), resourceId: 'r', lastActiveAt: null }] },
      { ...plain, accountId: '\u0001'.repeat(128), name: 'ﷺ'.repeat(300) },
    ];
    for (const user of worst) {
      const bound = userRowsBound(user);
      for (const row of rowsOf(user)) expect(fitsIn(row, bound)).toBe(true);
    }
  });

  it('is tight enough that an ordinary user needs no exact check (the fast path is the common one)', () => {
    for (const user of seedUsers(200, groups(8), 3)) expect(userRowsBound(user)).toBeLessThan(64 * 1024);
  });

  it('the rows measured here are the rows the upsert writes (same column counts)', () => {
    const user = seedUsers(20, groups(4), 3).find((u) => u.productAccess.length > 0 && u.groups.length > 0);
    if (user === undefined) throw new Error('the seed has a user with access and groups');
    const [users, access, member] = [userRowValues(user, 1), accessRowValues(user, 1, 1)[0], memberRowValues(user, 1, 1)[0]];
    expect([users.length, access?.length, member?.length]).toEqual([userColumns.length, accessColumns.length, memberColumns.length]);
  });
});
