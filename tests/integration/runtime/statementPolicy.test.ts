import fc from 'fast-check';
import { analyzeStatement, policyViolation } from '../../../dev/forge-runtime';

describe('statement analysis (what the policy looks at)', () => {
  it.each([
    ['SELECT 1', 'select', 1],
    ['  select 1;', 'select', 1],
    ["SELECT 'a;b', \"c;d\", `e;f` FROM t", 'select', 1],
    ["SELECT 'it''s; fine', 'back\\'slash;'", 'select', 1],
    ['SELECT 1 /* ; DROP TABLE t; */', 'select', 1],
    ['SELECT 1 -- ; DROP TABLE t\n', 'select', 1],
    ['SELECT 1 # ; DROP TABLE t', 'select', 1],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'select', 1],
    ['INSERT INTO t VALUES (?) ON DUPLICATE KEY UPDATE v = VALUES(v)', 'dml', 1],
    ['REPLACE INTO t VALUES (1)', 'dml', 1],
    ['CREATE TABLE IF NOT EXISTS t (id INT)', 'ddl', 1],
    ['SELECT 1; SELECT 2', 'select', 2],
    ['SELECT 1;;', 'select', 1],
    ['SELECT 1;\u00a0\u2003\n ;', 'select', 1],
    ['\u3000(SELECT 1);\tDELETE FROM t', 'select', 2],
    ['delete from t where a = ?', 'dml', 1],
  ])('%j is %s with %i statement(s)', (query, kind, count) => {
    const a = analyzeStatement(query);
    expect([a.kind, a.statementCount]).toEqual([kind, count]);
  });

  it('counts statements and placeholders as splitting the text would', () => {
    const text = fc.string({ unit: fc.constantFrom(';', '?', ' ', '\t', '\n', '\u00a0', '\u3000', 'S', 'x', '('), maxLength: 60, size: 'max' });
    fc.assert(fc.property(text, (query) => {
      const statements = query.split(';').map((s) => s.trim()).filter((s) => s.length > 0);
      const a = analyzeStatement(query);
      expect([a.statementCount, a.placeholders]).toEqual([statements.length, query.split('?').length - 1]);
      expect(a.keyword).toBe((/^\(|^[A-Za-z_]+/.exec(statements[0] ?? '')?.[0] ?? '').toUpperCase());
    }));
  });

  it('reads the whole first keyword, however long', () => {
    expect(analyzeStatement(` \n${'selected'.repeat(20)} 1`).keyword).toBe('SELECTED'.repeat(20));
  });

  it('counts placeholders outside literals and comments only', () => {
    expect(analyzeStatement("SELECT ?, '?', `?` /* ? */ FROM t WHERE a = ? -- ?\n").placeholders).toBe(2);
  });

  it('lets REFERENCES inside a string through and catches it in code', () => {
    expect(policyViolation(analyzeStatement("CREATE TABLE t (note VARCHAR(20) DEFAULT 'REFERENCES x')"))).toBeUndefined();
    expect(policyViolation(analyzeStatement('CREATE TABLE t (p INT REFERENCES x (id))'))).toMatch(/Foreign keys/);
  });

  it('refuses an empty query', () => {
    expect(policyViolation(analyzeStatement(' -- nothing\n'))).toMatch(/empty/);
  });
});
