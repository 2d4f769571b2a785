import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql } from '@forge/sql';

const rt = useForgeRuntime();

const SLEEP = 'SELECT SLEEP(0.3) AS s';

describe('local Forge runtime: time spent answering SQL requests', () => {
  it('sums each request’s time and counts the time with a request in flight once (bench:sync’s sql_s)', async () => {
    rt.reset();
    await Promise.all([sql.executeRaw(SLEEP), sql.executeRaw(SLEEP)]);
    await sql.executeRaw(SLEEP);
    const { requestMs, busyMs, select } = rt.sqlStats();
    expect(select).toBe(3);
    // Three requests of at least 300 ms each; the two side by side overlap for at least 300 ms.
    expect(requestMs).toBeGreaterThanOrEqual(3 * 290);
    expect(busyMs).toBeGreaterThanOrEqual(2 * 290);
    expect(requestMs - busyMs).toBeGreaterThanOrEqual(290);
  }, 60_000);
});
