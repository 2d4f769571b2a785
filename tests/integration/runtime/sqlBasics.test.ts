import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql, migrationRunner, type UpdateQueryResponse } from '@forge/sql';
import { kvs } from '@forge/kvs';

const rt = useForgeRuntime();

describe('local Forge runtime: SQL through @forge/sql on MariaDB', () => {
  it('runs DDL, DML and SELECT and returns Forge-shaped results', async () => {
    await sql.executeDDL('CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(50), at DATETIME(3), raw VARBINARY(4))');
    const ins = await sql.prepare<UpdateQueryResponse>('INSERT INTO t (name, at, raw) VALUES (?, ?, UNHEX(?)), (?, ?, NULL)')
      .bindParams('a', '2024-05-06 07:08:09.123', 'CAFE', 'b', '2024-01-01 00:00:00')
      .execute();
    expect(ins.rows.affectedRows).toBe(2);
    expect(ins.rows.insertId).toBe(1);
    const res = await sql.prepare<{ id: number; name: string; at: string; raw: unknown }>('SELECT id, name, at, raw FROM t ORDER BY id').execute();
    expect(res.rows).toEqual([
      { id: 1, name: 'a', at: '2024-05-06 07:08:09.123', raw: { type: 'Buffer', data: [0xca, 0xfe] } },
      { id: 2, name: 'b', at: '2024-01-01 00:00:00.000', raw: null },
    ]);
    expect(res.metadata?.fields).toHaveLength(4);
    expect(rt.sqlStats()).toMatchObject({ ddl: 1, dml: 1, select: 1, executed: 3 });
  });

  it('runs migrationRunner (creates __migrations, applies pending, skips applied)', async () => {
    const first = await migrationRunner.enqueue('v1_a', 'CREATE TABLE IF NOT EXISTS a (id INT PRIMARY KEY)').enqueue('v2_b', 'CREATE INDEX idx_a ON a (id)').run();
    expect(first).toEqual(['v1_a', 'v2_b']);
    expect(await migrationRunner.run()).toEqual([]);
    const list = await migrationRunner.list();
    expect(list.map((m) => m.name)).toEqual(['v1_a', 'v2_b']);
    expect(list[0]?.migratedAt).toBeInstanceOf(Date);
    expect(Number.isNaN(list[0]?.migratedAt.getTime())).toBe(false);
  });

  it('serves KVS through @forge/kvs', async () => {
    await kvs.set('settings', { a: 1 });
    expect(await kvs.get('settings')).toEqual({ a: 1 });
    expect(await kvs.get('missing')).toBeUndefined();
  });
});
