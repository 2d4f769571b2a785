import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql, errorCodes } from '@forge/sql';
import { sqlErrorOf } from './sqlErrorOf';
import { FORGE_SQL_LIMITS } from '../../../dev/forge-runtime';

// Short limits so that the test does not wait 5 s; the mechanism is the same as with Forge's values.
const rt = useForgeRuntime({ sqlLimits: { selectTimeoutMs: 300, dmlTimeoutMs: 400, ddlTimeoutMs: 500 } });

/** 400^3 = 64 million joined rows: seconds of work on MariaDB, no SLEEP needed. */
const HEAVY = `WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 400)
  SELECT COUNT(*) AS c FROM s a, s b, s c WHERE a.n + b.n + c.n > 0`;

const codeOfCall = async (p: Promise<unknown>): Promise<{ code: string; status: number }> => {
  const { code, status } = await sqlErrorOf(p);
  return { code, status };
};

describe('Forge SQL statement timeouts', () => {
  it('uses Forge documented limits by default', () => {
    expect(FORGE_SQL_LIMITS).toMatchObject({ selectTimeoutMs: 5000, dmlTimeoutMs: 10_000, ddlTimeoutMs: 20_000 });
  });

  it('stops a SELECT that runs past the SELECT limit with QUERY_TIMED_OUT', async () => {
    const started = Date.now();
    expect(await codeOfCall(sql.executeRaw(HEAVY))).toEqual({ code: errorCodes.QUERY_TIMED_OUT, status: 504 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(rt.sqlStats().timedOut).toBe(1);
  });

  it('stops DML that runs past the DML limit with QUERY_TIMED_OUT', async () => {
    await sql.executeDDL('CREATE TABLE counts (c BIGINT)');
    const insert = `INSERT INTO counts (c) ${HEAVY}`;
    expect(await codeOfCall(sql.executeRaw(insert))).toEqual({ code: errorCodes.QUERY_TIMED_OUT, status: 504 });
    expect((await sql.executeRaw<{ n: number }>('SELECT COUNT(*) AS n FROM counts')).rows).toEqual([{ n: 0 }]);
  });

  it('kills DDL that runs past the DDL limit (client-side KILL QUERY) with QUERY_TIMED_OUT', async () => {
    const started = Date.now();
    expect(await codeOfCall(sql.executeDDL(`CREATE TABLE heavy AS ${HEAVY}`))).toEqual({ code: errorCodes.QUERY_TIMED_OUT, status: 504 });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('lets quick statements through', async () => {
    const r = await sql.executeRaw<{ one: number }>('SELECT 1 AS one');
    expect(r.rows).toEqual([{ one: 1 }]);
  });
});
