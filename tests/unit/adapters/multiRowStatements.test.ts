import fc from 'fast-check';
import { DomainError } from '../../../src/domain/model/errors';
import { format } from 'mysql2';
import { multiRowStatements, requestBytes, type MultiRowInsert } from '../../../src/adapters/forge-sql/sql/multiRowStatements';
import type { SqlValue } from '../../../src/adapters/forge-sql/sql/sqlValues';

const insert = (columns: number): MultiRowInsert => ({
  head: 'INSERT INTO t (c) VALUES',
  tail: 'ON DUPLICATE KEY UPDATE c=VALUES(c)',
  columns,
});

const value: fc.Arbitrary<SqlValue> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 12 }),
  fc.constant("it's \"quoted\" \\ here"),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -0, 1, 2 ** 53, -(2 ** 60), 1.5, -0.25),
  fc.constant(null),
);

const rowsOf = (columns: number, minRows: number, maxRows: number): fc.Arbitrary<SqlValue[][]> =>
  fc.array(fc.array(value, { minLength: columns, maxLength: columns }), { minLength: minRows, maxLength: maxRows, size: 'max' });

/** The statements, or none when a row is larger than the budget (refused with STORAGE_LIMIT; any other error fails). */
const statementsOrRefused = (m: MultiRowInsert, rows: readonly SqlValue[][], budget: number) => {
  try {
    return [...multiRowStatements(m, rows, budget)];
  } catch (error) {
    if (error instanceof DomainError && error.code === 'STORAGE_LIMIT') return null;
    throw error;
  }
};

/** What the server receives: the statement with its parameters formatted in as mysql2 does it. */
const tuplesSent = (m: MultiRowInsert, query: string, params: SqlValue[]): string =>
  format(query, params).slice(m.head.length + 1, -(m.tail.length + 1));

/** The same rows with every value bound to a `?`: the text the server got before values were written in. */
const tuplesBound = (rows: readonly SqlValue[][]): string =>
  rows.map((row) => format(`(${row.map(() => '?').join(',')})`, row)).join(',');

describe('multi-row statements', () => {
  it('send the server the same text as binding every value, however the rows are split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), rowsOf(n, 1, 60))), fc.integer({ min: 400, max: 2000 }), ([columns, rows], budget) => {
        const m = insert(columns);
        const statements = statementsOrRefused(m, rows, budget);
        if (statements === null) return; // a row larger than this small budget: refused, covered below
        expect(statements.map((s) => tuplesSent(m, s.query, s.params)).join(',')).toBe(tuplesBound(rows));
      }),
    );
  });

  it('fill each request up to the byte budget and never past it', () => {
    // 150 rows of at least 10 bytes cannot share one 1,500-byte request; no row of these values (≤ 4 × 40 UTF-16
    // units, ≤ 6 bytes each in JSON) is larger than one may be.
    fc.assert(
      fc.property(rowsOf(4, 150, 300), (rows) => {
        const budget = 1500;
        const m = insert(4);
        const statements = [...multiRowStatements(m, rows, budget)];
        const sizes = statements.map(requestBytes);
        expect(sizes.length).toBeGreaterThan(1);
        for (const size of sizes) expect(size).toBeLessThanOrEqual(budget);
        // A full statement has no room left for the next row: what is left is at most what the largest row takes
        // (the count may run up to 3 bytes over the body's real size, never under it).
        const base = requestBytes({ query: `${m.head}  ${m.tail}`, params: [] });
        const alone = (row: SqlValue[]): number => requestBytes([...multiRowStatements(m, [row])][0]!) - base;
        const largestRow = Math.max(...rows.map(alone));
        for (const size of sizes.slice(0, -1)) expect(budget - size).toBeLessThanOrEqual(largestRow + 3);
      }),
    );
  });

  it('bind strings and write only NULLs and safe integers into the text', () => {
    const [statement] = [...multiRowStatements(insert(5), [["a'b", 7, null, 1.5, 2 ** 53]])];
    expect(statement).toEqual({ query: 'INSERT INTO t (c) VALUES (?,7,NULL,?,?) ON DUPLICATE KEY UPDATE c=VALUES(c)', params: ["a'b", 1.5, 2 ** 53] });
  });

  it('refuse a row larger than a request may be', () => {
    const build = (): unknown => [...multiRowStatements(insert(1), [['x'.repeat(5000)]], 3000)];
    expect(build).toThrow(DomainError);
    expect(build).toThrow('A single row is larger than one SQL request may be');
    expect(statementsOrRefused(insert(1), [['x'.repeat(5000)]], 3000)).toBeNull();
  });

  it('end a statement at the protocol’s 65,535 placeholders even when the bytes would fit', () => {
    const statements = [...multiRowStatements(insert(1), Array.from({ length: 70_000 }, () => ['a']))];
    expect(statements.map((s) => s.params.length)).toEqual([65_535, 70_000 - 65_535]);
    expect(statements.map(requestBytes).every((bytes) => bytes < 700_000)).toBe(true);
  });
});

