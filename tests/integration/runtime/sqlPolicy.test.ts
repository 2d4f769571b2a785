import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql, migrationRunner, errorCodes } from '@forge/sql';
import { sqlErrorOf } from './sqlErrorOf';

const rt = useForgeRuntime();
const POLICY = { code: 'SQL_POLICY_VIOLATION', status: 400 };

beforeAll(async () => {
  await sql.executeDDL('CREATE TABLE parent (id INT PRIMARY KEY, note VARCHAR(50))');
});

describe('Forge SQL query policy', () => {
  it('refuses more than one statement per request', async () => {
    expect(await sqlErrorOf(sql.executeRaw('SELECT 1; SELECT 2'))).toMatchObject(POLICY);
    expect(await sqlErrorOf(sql.prepare("INSERT INTO parent VALUES (1, 'a'); DELETE FROM parent").execute())).toMatchObject(POLICY);
    expect((await sql.executeRaw<{ id: number }>('SELECT COUNT(*) AS id FROM parent')).rows).toEqual([{ id: 0 }]);
  });

  it('accepts one statement with a trailing semicolon or a semicolon inside a literal', async () => {
    expect((await sql.executeRaw<{ v: string }>("SELECT 'a;b' AS v;")).rows).toEqual([{ v: 'a;b' }]);
    expect((await sql.prepare<{ v: string }>('SELECT ? AS v -- comment; not a statement').bindParams('x;y').execute()).rows).toEqual([{ v: 'x;y' }]);
  });

  it.each(['START TRANSACTION', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SET autocommit = 0', 'SAVEPOINT s1'])('refuses the transaction statement %s', async (stmt) => {
    const error = await sqlErrorOf(sql.executeRaw(stmt));
    expect(error).toMatchObject(POLICY);
    expect(error.message).toMatch(/Transactions are not supported/);
  });

  it.each([
    'CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parent (id))',
    'CREATE TABLE child2 (id INT PRIMARY KEY, parent_id INT REFERENCES parent (id))',
    'ALTER TABLE parent ADD CONSTRAINT fk_self FOREIGN KEY (id) REFERENCES parent (id)',
  ])('refuses foreign keys: %s', async (ddl) => {
    const error = await sqlErrorOf(sql.executeDDL(ddl));
    expect(error).toMatchObject(POLICY);
    expect(error.message).toMatch(/Foreign keys/);
  });

  it.each(['USE mysql', 'SET NAMES latin1', "PREPARE s FROM 'SELECT 1'", 'CREATE DATABASE other', 'LOCK TABLES parent WRITE'])('refuses %s', async (stmt) => {
    expect(await sqlErrorOf(sql.executeRaw(stmt))).toMatchObject(POLICY);
  });

  it('answers database errors with SQL_EXECUTION_ERROR and details', async () => {
    const error = await sqlErrorOf(sql.executeRaw('SELEC 1'));
    expect(error).toMatchObject({ code: errorCodes.SQL_EXECUTION_ERROR, status: 400 });
    expect(error.message).toMatch(/SQL syntax/);
    expect(await sqlErrorOf(sql.prepare('SELECT ? + ?').bindParams(1).execute())).toMatchObject({ code: errorCodes.SQL_EXECUTION_ERROR });
  });

  it('refuses non-scalar parameters', async () => {
    expect(await sqlErrorOf(sql.prepare('SELECT * FROM parent WHERE id IN (?)').bindParams([1, 2]).execute()))
      .toMatchObject({ code: errorCodes.INVALID_SQL_QUERY, status: 400 });
  });

  it('counts every request and rejection', () => {
    expect(rt.sqlStats()).toMatchObject({ policyRejected: 16 });
    expect(rt.sqlStats().requests).toBeGreaterThan(rt.sqlStats().executed);
  });

  it('runs migrationRunner migrations written in the shared MySQL 8 / TiDB subset', async () => {
    const applied = await migrationRunner
      .enqueue('001_users', 'CREATE TABLE IF NOT EXISTS users (account_id VARCHAR(128) PRIMARY KEY, email VARCHAR(255), seen_at DATETIME(3) NOT NULL)')
      .enqueue('002_users_email', 'CREATE INDEX idx_users_email ON users (email)')
      .run();
    expect(applied).toEqual(['001_users', '002_users_email']);
    expect((await migrationRunner.list()).map((m) => m.name)).toEqual(['001_users', '002_users_email']);
  });
});
