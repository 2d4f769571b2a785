/**
 * `ChildRowWriter` writes access and membership rows straight into tuples. What it sends must be exactly what the
 * general path (`multiRowStatements` over `accessRowValues` / `memberRowValues`, each user's rows in hash order)
 * sends: the same statements, split at the same rows, with the same bound values, or the same refusal.
 */
import fc from 'fast-check';
import { DomainError } from '../../../src/domain/model/errors';
import type { User } from '../../../src/domain/model/user';
import {
  MultiRowBuilder,
  multiRowStatements,
  statementBaseBytes,
  type MultiRowInsert,
} from '../../../src/adapters/forge-sql/sql/multiRowStatements';
import type { SqlValue, Statement } from '../../../src/adapters/forge-sql/sql/sqlValues';
import {
  accessColumns,
  accessRowValues,
  ChildRowWriter,
  memberColumns,
  memberRowValues,
} from '../../../src/adapters/forge-sql/users/userRows';

const insertOf = (columns: readonly string[], table: string): MultiRowInsert => ({
  head: `INSERT INTO ${table} (${columns.join(',')}) VALUES`,
  tail: 'ON DUPLICATE KEY UPDATE x=1',
  columns: columns.length,
});
const accessInsert = insertOf(accessColumns, 'user_product_access');
const memberInsert = insertOf(memberColumns, 'group_members');

/** Each user's rows by their second column (the hash), ties in their order: the order the upsert writes. */
const inHashOrder = (rows: SqlValue[][]): SqlValue[][] => [...rows].sort((a, b) => Number(a[1]) - Number(b[1]));

type Outcome = { statements: Statement[] } | { refused: string };

const outcome = (build: () => Statement[]): Outcome => {
  try {
    return { statements: build() };
  } catch (error) {
    if (error instanceof DomainError) return { refused: error.code };
    throw error;
  }
};

interface Case {
  users: readonly User[];
  kind: 'access' | 'members';
  generation: number;
  writeId: number;
  budget: number;
}

const insertFor = (kind: Case['kind']): MultiRowInsert => (kind === 'access' ? accessInsert : memberInsert);

const viaWriter = ({ users, kind, generation, writeId, budget }: Case): Statement[] => {
  const writer = new ChildRowWriter(generation, writeId);
  const builder = new MultiRowBuilder(insertFor(kind), budget);
  const out: Statement[] = [];
  for (const user of users) writer[kind](user, builder, out);
  const last = builder.finish();
  if (last !== undefined) out.push(last);
  return out;
};

const viaValues = ({ users, kind, generation, writeId, budget }: Case): Statement[] => {
  const valuesOf = kind === 'access' ? accessRowValues : memberRowValues;
  const rows = users.flatMap((u) => inHashOrder(valuesOf(u, generation, writeId)));
  return [...multiRowStatements(insertFor(kind), rows, budget)];
};

const text = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ minLength: 1, maxLength }), fc.string({ unit: 'binary', minLength: 1, maxLength }));

const date = fc.date({ min: new Date(1), max: new Date('2100-01-01'), noInvalidDate: true });

/** A few products and groups shared by many users (the caches are hit), some repeated on one user. */
const usersArb = (products: number, groups: number): fc.Arbitrary<User[]> =>
  fc
    .record({
      productKeys: fc.array(fc.tuple(text(30), fc.constantFrom('ari:cloud:platform::site/1', 'ari:cloud:platform::site/2')), {
        minLength: 1,
        maxLength: products,
      }),
      groupIds: fc.array(text(40), { minLength: 1, maxLength: groups }),
    })
    .chain(({ productKeys, groupIds }) =>
      fc.array(
        fc.record({
          accountId: text(60),
          name: fc.string(),
          email: fc.constant(null),
          accountType: fc.constant('atlassian' as const),
          accountStatus: fc.constant('active' as const),
          membershipStatus: fc.constant('active' as const),
          managed: fc.boolean(),
          managementSource: fc.constant(null),
          billable: fc.boolean(),
          addedToOrgAt: fc.constant(null),
          productAccess: fc.array(
            fc.record({
              product: fc.constantFrom(...productKeys),
              lastActiveAt: fc.option(date, { nil: null }),
            }).map(({ product: [productKey, resourceId], lastActiveAt }) => ({ productKey, resourceId, lastActiveAt })),
            { maxLength: 5 },
          ),
          activityKnown: fc.boolean(),
          groups: fc.array(fc.constantFrom(...groupIds).map((id) => ({ id, name: id })), { maxLength: 6 }),
          platformRoles: fc.constant([]),
        }),
        { maxLength: 60 },
      ),
    );

describe('ChildRowWriter', () => {
  it('sends what multiRowStatements sends for the same rows: statements, splits, bound values and refusals', () => {
    fc.assert(
      fc.property(
        usersArb(6, 12),
        fc.constantFrom('access' as const, 'members' as const),
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.integer({ min: 1, max: 0x7fffffff }),
        // From budgets that refuse some rows or hold one row each, to budgets that hold everything.
        fc.integer({ min: 0, max: 4_000 }),
        (users, kind, generation, writeId, room) => {
          const c: Case = { users, kind, generation, writeId, budget: statementBaseBytes(insertFor(kind)) + room };
          expect(outcome(() => viaWriter(c))).toEqual(outcome(() => viaValues(c)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('writes rows in the order the primary key sorts them within each user (hash order), not as listed', () => {
    const user: User = {
      accountId: 'acc-1', name: 'A', email: null, accountType: 'atlassian', accountStatus: 'active',
      membershipStatus: 'active', managed: false, managementSource: null, billable: true, addedToOrgAt: null,
      productAccess: [], activityKnown: true, platformRoles: [],
      groups: ['g-1', 'g-2', 'g-3', 'g-4', 'g-5'].map((id) => ({ id, name: id })),
    };
    const [statement] = viaWriter({ users: [user], kind: 'members', generation: 1, writeId: 1, budget: 1024 * 1024 });
    const hashes = [...(statement?.query.matchAll(/\(\?,(\d+),/g) ?? [])].map((m) => Number(m[1]));
    expect(hashes).toHaveLength(5);
    expect(hashes).toEqual([...hashes].sort((a, b) => a - b));
    expect(hashes).not.toEqual(memberRowValues(user, 1, 1).map((row) => row[1]));
  });
});
