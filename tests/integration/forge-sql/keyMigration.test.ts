import { useForgeRuntime } from '../../support/forgeRuntime';
import { migrationRunner, sql } from '@forge/sql';
import type { User } from '../../../src/domain/model/user';
import { rekeyOldInactivityKeys } from '../../../src/adapters/forge-sql/schema/keyMigrations';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { NEVER_ACTIVE_FROM, UNKNOWN_KEY } from '../../../src/adapters/forge-sql/users/userKeys';
import { context } from './support/context';
import { groups, NOW, seedUsers } from './support/seedDirectory';

useForgeRuntime();
const repo = new SqlUserRepository();
const directory: User[] = seedUsers(400, groups(5), 11);
const DAY_MS = 24 * 60 * 60 * 1000;

const keys = async (): Promise<string[]> => {
  const users = await sql.prepare<{ k: string }>("SELECT CONCAT(account_id, ':', inactivity_key) AS k FROM users ORDER BY account_id").execute();
  const access = await sql
    .prepare<{ k: string }>("SELECT CONCAT(account_id, ':', product_hash, ':', inactivity_key) AS k FROM user_product_access ORDER BY account_id, product_hash")
    .execute();
  return [...users.rows, ...access.rows].map((r) => r.k);
};

beforeAll(async () => {
  await ensureSchema();
  // One new user for sure, so the rewrite has something to tell apart.
  directory[0] = { ...directory[0]!, activityKnown: true, addedToOrgAt: new Date(NOW.getTime() - 2 * DAY_MS), productAccess: [] };
  await repo.upsertMany(directory, 1);
}, 120_000);

describe('the first schema\'s never-active (1) and unknown (2) keys, rewritten in place', () => {
  it('gives rows keyed the old way the keys a write gives them today, and a second run changes nothing', async () => {
    const written = await keys();
    // The first schema's keys: 1 for no activity (known), 2 for unknown activity.
    for (const table of ['users', 'user_product_access']) {
      await sql.prepare(`UPDATE ${table} SET inactivity_key = 2 WHERE inactivity_key = ?`).bindParams(UNKNOWN_KEY).execute();
      await sql.prepare(`UPDATE ${table} SET inactivity_key = 1 WHERE inactivity_key >= ?`).bindParams(NEVER_ACTIVE_FROM).execute();
    }
    expect(await keys()).not.toEqual(written);
    expect(await rekeyOldInactivityKeys()).toBe(true);
    expect(await keys()).toEqual(written);
    expect(await rekeyOldInactivityKeys()).toBe(false);
    expect(await keys()).toEqual(written);
    expect(await migrationRunner.run()).toEqual([]);
  });

  it('so the rewritten rows read as new and never-active by their added date (I1)', async () => {
    const ctx = context();
    expect(await repo.countMatching({ inactivity: ['new'] }, ctx)).toBeGreaterThan(0);
    expect(await repo.countMatching({ inactivity: ['never-active'] }, ctx)).toBeGreaterThan(0);
  });
});
