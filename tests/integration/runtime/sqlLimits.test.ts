import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql, type UpdateQueryResponse } from '@forge/sql';
import { sqlErrorOf } from './sqlErrorOf';

const rt = useForgeRuntime();
const MiB = 1024 * 1024;

beforeAll(async () => {
  await sql.executeDDL('CREATE TABLE blobs (id INT PRIMARY KEY, body LONGTEXT)');
});
beforeEach(() => { rt.reset(); });

describe('Forge SQL request and response sizes', () => {
  it('accepts a request just under 1 MiB', async () => {
    const r = await sql.prepare<UpdateQueryResponse>('INSERT INTO blobs VALUES (?, ?)').bindParams(1, 'x'.repeat(MiB - 200)).execute();
    expect(r.rows.affectedRows).toBe(1);
  });

  it('refuses a request over 1 MiB before it reaches the database', async () => {
    const error = await sqlErrorOf(sql.prepare('INSERT INTO blobs VALUES (?, ?)').bindParams(2, 'x'.repeat(MiB)).execute());
    expect(error).toMatchObject({ code: 'REQUEST_SIZE_EXCEEDED', status: 413 });
    expect(rt.sqlStats()).toMatchObject({ executed: 0, tooLarge: 1 });
  });

  const fiftyRows = `WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 50)
    SELECT n, REPEAT('x', 100000) AS filler FROM s`;

  it('refuses a response over 4 MiB', async () => {
    const error = await sqlErrorOf(sql.executeRaw(fiftyRows));
    expect(error).toMatchObject({ code: 'RESPONSE_SIZE_EXCEEDED', status: 400 });
  });

  it('returns the same query paged under 4 MiB', async () => {
    const r = await sql.executeRaw<{ n: number }>(`${fiftyRows} LIMIT 40`);
    expect(r.rows).toHaveLength(40);
    expect(r.metadata?.responseSize).toBeGreaterThan(3.9e6);
  });
});

describe('Forge SQL DML rate limit (150 requests per second)', () => {
  it('refuses the 151st DML request within one second with RATE_LIMIT_EXCEEDED', async () => {
    const inserts = Array.from({ length: 151 }, (_, i) =>
      sql.prepare('INSERT INTO blobs VALUES (?, ?)').bindParams(100 + i, 'row').execute());
    const results = await Promise.allSettled(inserts);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(await sqlErrorOf(Promise.reject((rejected[0] as PromiseRejectedResult).reason as Error)))
      .toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', status: 429 });
    expect(rt.sqlStats()).toMatchObject({ dml: 150, rateLimited: 1 });
  });

  it('does not count SELECTs against the DML rate', async () => {
    const selects = await Promise.all(Array.from({ length: 200 }, () => sql.executeRaw('SELECT 1 AS one')));
    expect(selects).toHaveLength(200);
    expect(rt.sqlStats()).toMatchObject({ select: 200, rateLimited: 0 });
  });

  it('accepts DML again once the one-second window has passed', async () => {
    // All at once, as above: sent after the first 150 finished, the 151st could land after the window on a busy machine.
    const updates = await Promise.allSettled(Array.from({ length: 151 }, (_, i) =>
      sql.prepare('UPDATE blobs SET body = ? WHERE id = ?').bindParams('u', i).execute()));
    const refused = updates.filter((u) => u.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(await sqlErrorOf(Promise.reject((refused[0] as PromiseRejectedResult).reason as Error))).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
    await new Promise((r) => setTimeout(r, 1000));
    const r = await sql.executeRaw<UpdateQueryResponse>("UPDATE blobs SET body = 'w' WHERE id = 1");
    expect(r.rows.affectedRows).toBe(1);
  });
});
