import { useForgeRuntime } from '../../support/forgeRuntime';
import type { AuditEntry } from '../../../src/domain/model/audit';
import type { User } from '../../../src/domain/model/user';
import { SqlAuditLog } from '../../../src/adapters/forge-sql/audit/sqlAuditLog';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { MAX_REQUEST_BYTES } from '../../../src/adapters/forge-sql/sql/multiRowStatements';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { UPSERT_PART_USERS } from '../../../src/adapters/forge-sql/users/userWrites';
import { recordSql } from './support/recordSql';
import { groups, NOW, seedUsers } from './support/seedDirectory';

const rt = useForgeRuntime();

/** Users with long multi-byte names and emails: bytes, not characters, must decide the batch size. */
const wideUsers = (count: number): User[] =>
  seedUsers(count, groups(30), 11).map((u, i) => ({
    ...u,
    name: `${'名前'.repeat(150)} ${String(i)}`,
    email: `${'ü'.repeat(60)}${String(i)}@example.com`,
  }));

beforeAll(async () => {
  await ensureSchema();
}, 120_000);

describe('multi-row statements stay under Forge’s 1 MiB request limit', () => {
  it('upserts 12,000 wide users in statements measured against the real request body', async () => {
    const users = wideUsers(12_000);
    const bodies = await recordSql(() => new SqlUserRepository().upsertMany(users, 1));
    const inserts = bodies.filter((b) => b.query.startsWith('INSERT INTO users'));
    expect(Math.max(...bodies.map((b) => b.bytes))).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    // A full part's users rows (≈ 1.3 MB here) go in statements as large as fit, not a fixed row count below the
    // limit: two per part (one for the short last part).
    const parts = Math.ceil(12_000 / UPSERT_PART_USERS);
    expect(Math.max(...inserts.map((b) => b.bytes))).toBeGreaterThan(0.9 * MAX_REQUEST_BYTES);
    expect(inserts.length).toBeGreaterThan(parts);
    expect(inserts.length).toBeLessThanOrEqual(2 * parts);
    expect(rt.sqlStats().tooLarge).toBe(0);
    expect(await new SqlUserRepository().count()).toBe(12_000);
  }, 120_000);

  it('appends 20,000 audit entries with large details the same way', async () => {
    const entries: AuditEntry[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `audit-${String(i).padStart(6, '0')}`,
      at: new Date(NOW.getTime() - i * 1000),
      actor: { kind: 'admin', accountId: 'admin-1' },
      action: 'user.deactivate',
      targetAccountId: `acc-${String(i)}`,
      outcome: 'succeeded',
      reason: null,
      details: { note: 'ß'.repeat(100), index: i, ok: true, none: null },
      jobId: 'job-1',
    }));
    const bodies = await recordSql(() => new SqlAuditLog().append(entries));
    expect(Math.max(...bodies.map((b) => b.bytes))).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(bodies.length).toBeLessThan(15);
  }, 120_000);

  it('refuses a single row larger than a request may be, before sending anything', async () => {
    const [user] = wideUsers(1);
    const huge = { ...user!, accountId: 'zzz-last', platformRoles: Array.from({ length: 20_000 }, (_, i) => `role-${String(i)}-${'x'.repeat(50)}`) };
    await expect(new SqlUserRepository().upsertMany([huge], 1)).rejects.toMatchObject({ code: 'STORAGE_LIMIT' });
    // In a call of several parts, the oversized user sorts last: no part before it is written either.
    const others = wideUsers(6_000).map((u) => ({ ...u, accountId: `other-${u.accountId}` }));
    const before = await new SqlUserRepository().count();
    const sent = await recordSql(async () => {
      await expect(new SqlUserRepository().upsertMany([...others, huge], 2)).rejects.toMatchObject({ code: 'STORAGE_LIMIT' });
    });
    expect(sent.filter((s) => !s.query.startsWith('SELECT'))).toEqual([]);
    expect(await new SqlUserRepository().count()).toBe(before);
  }, 120_000);
});
