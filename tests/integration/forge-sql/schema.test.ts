import { useForgeRuntime } from '../../support/forgeRuntime';
import { migrationRunner, sql } from '@forge/sql';
import { ensureSchema, migrations } from '../../../src/adapters/forge-sql/schema/migrations';

const rt = useForgeRuntime();

describe('schema through migrationRunner (ARCHITECTURE §6)', () => {
  it('creates every table in one DDL request each, and a second run applies nothing', async () => {
    const applied = await ensureSchema();
    expect(applied).toEqual(migrations.map(([name]) => name));
    expect(rt.sqlStats().ddl).toBeLessThanOrEqual(migrations.length + 2);
    expect(await migrationRunner.run()).toEqual([]);
    const tables = await sql
      .prepare<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()')
      .execute();
    expect(tables.rows.map((r) => r.t).sort()).toEqual(
      [
        '__migrations', 'audit_log', 'directory_groups', 'group_grants', 'group_members', 'job_items',
        'jobs', 'jsm_customers', 'jsm_organization_members', 'jsm_organizations', 'products', 'project_role_members',
        'task_notices', 'task_proposals', 'task_runs', 'tasks', 'user_product_access', 'user_search_words', 'users', 'webhook_deliveries',
      ].sort(),
    );
  });

  it('is idempotent DDL: re-running every statement (a lost checkpoint) changes nothing', async () => {
    for (const [, ddl] of migrations) await sql.executeDDL(ddl);
    const indexes = await sql
      .prepare<{ n: number }>(
        "SELECT COUNT(DISTINCT index_name) AS n FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'users'",
      )
      .execute();
    expect(indexes.rows[0]?.n).toBe(7); // PRIMARY + 6 secondary indexes
  });

  it('declares no foreign keys and uses only single statements', () => {
    for (const [, ddl] of migrations) {
      expect(ddl).not.toMatch(/FOREIGN KEY|REFERENCES/i);
      expect(ddl).not.toContain(';');
    }
  });
});
