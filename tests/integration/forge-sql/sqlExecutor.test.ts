import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql } from '@forge/sql';
import { z } from 'zod';
import { SqlExecutor } from '../../../src/adapters/forge-sql/sql/sqlExecutor';
import { sqlBool, sqlCount, sqlDateTime, sqlInt } from '../../../src/adapters/forge-sql/sql/sqlValues';

const rt = useForgeRuntime({ sqlLimits: { dmlPerSecond: 5 } });
const db = new SqlExecutor();

beforeAll(async () => {
  await sql.executeDDL('CREATE TABLE t (id INT PRIMARY KEY, at DATETIME(3) NULL, flag TINYINT NOT NULL)');
});

describe('SqlExecutor (one statement per request, rows validated at the edge)', () => {
  it('waits out Forge’s DML rate limit (429) and retries instead of failing', async () => {
    rt.reset();
    const inserts = Array.from({ length: 12 }, (_, i) => ({ query: 'INSERT INTO t (id, flag) VALUES (?, ?)', params: [i, 1] }));
    expect(await db.executeLanes([inserts.slice(0, 6), inserts.slice(6)])).toBe(12);
    expect(rt.sqlStats().rateLimited).toBeGreaterThan(0);
  });

  it('parses what the SQL API returns: DATETIME strings, DECIMAL sums, TINYINT flags', async () => {
    await db.execute({ query: 'UPDATE t SET at = ? WHERE id = 1', params: ['2025-06-15 12:00:00.123'] });
    const rows = await db.select(
      'SELECT at, SUM(flag) AS total, MAX(flag) AS flag, COUNT(*) AS n FROM t WHERE id = ? GROUP BY at',
      [1],
      z.object({ at: sqlDateTime, total: sqlCount, flag: sqlBool, n: sqlInt }),
    );
    expect(rows).toEqual([{ at: new Date('2025-06-15T12:00:00.123Z'), total: 1, flag: true, n: 1 }]);
  });

  it('turns SQL errors and unexpected rows into DomainErrors without the statement’s parameters', async () => {
    const failure = await db.select('SELECT nope FROM t WHERE id = ?', ['secret-value'], z.object({})).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'INTERNAL' });
    expect(JSON.stringify(failure)).not.toContain('secret-value');
    await expect(db.select('SELECT id FROM t WHERE id = 1', [], z.object({ id: z.string() }))).rejects.toMatchObject({
      code: 'INTERNAL',
    });
  });
});
