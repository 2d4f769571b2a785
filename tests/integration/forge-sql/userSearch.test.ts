import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql } from '@forge/sql';
import type { User } from '../../../src/domain/model/user';
import { userSortKeys } from '../../../src/domain/ports/userRepository';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { DENSE_WORDS } from '../../../src/adapters/forge-sql/users/pageSource';
import { allPages } from './support/allPages';
import { context } from './support/context';
import { groups, seedUsers } from './support/seedDirectory';
import { expectedOrder } from './support/userOracle';

useForgeRuntime();
const repo = new SqlUserRepository();
const ctx = context();

/** 3,000 users, nine in ten of them Reichert-Reichweins at acme.com (many word rows), a few with accents and dashes. */
const directory: User[] = seedUsers(3000, groups(10), 11).map((u, i) => {
  if (i === 5) return { ...u, name: 'José Álvarez', email: 'jose.alvarez@example.com' };
  if (i === 6) return { ...u, name: 'Mary-Jane Watson-Parker', email: 'mj+jira@partner.example' };
  if (i === 7) return { ...u, name: 'Abbey Reichert', email: 'abbey_r@other.org' };
  if (i % 10 === 9) return u;
  const first = u.name.split(' ')[0] ?? 'x';
  return { ...u, name: `${first} Reichert-Reichwein`, email: `${first.toLowerCase()}.reichert.reichwein.${String(i)}@acme.com` };
});

const wordRows = async (prefix: string): Promise<number> =>
  (await sql.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM user_search_words WHERE word LIKE ?').bindParams(`${prefix}%`).execute()).rows[0]?.n ?? 0;

const found = async (search: string): Promise<string[]> => allPages(repo, { filter: { search }, sort: { key: 'name', direction: 'asc' }, limit: 500 }, ctx);

beforeAll(async () => {
  await ensureSchema();
  await repo.upsertMany(directory, 1);
}, 120_000);

describe('U6 search: the start of any word of a name or email', () => {
  it('reads a search of many word rows (walking the sort order) and one of few (from the word range)', async () => {
    expect(await wordRows('reich')).toBeGreaterThanOrEqual(DENSE_WORDS);
    expect(await wordRows('watson')).toBeLessThan(DENSE_WORDS);
  });

  const searches = ['reich', 'REICHWEIN', 'acme', 'jose', 'álv', 'jane', 'parker', 'jira', 'partner', 'abbey r', '@other', 'mj+j'];
  const sorts = userSortKeys.flatMap((key) => (['asc', 'desc'] as const).map((direction) => ({ key, direction })));
  it.each(searches)('%s: every sort both ways, pages and count as the oracle says', async (search) => {
    const expected = expectedOrder(directory, { filter: { search }, sort: sorts[0]! }, ctx);
    expect(expected.length).toBeGreaterThan(0);
    for (const sort of sorts) {
      const query = { filter: { search }, sort, limit: 397 };
      expect(await allPages(repo, query, ctx)).toEqual(expectedOrder(directory, query, ctx));
    }
    expect(await repo.countMatching({ search }, ctx)).toBe(expected.length);
    expect(await repo.countMatching({ search, billable: true }, ctx)).toBe(
      expectedOrder(directory, { filter: { search, billable: true }, sort: sorts[0]! }, ctx).length,
    );
  }, 120_000);

  it('finds the examples of the issue', async () => {
    expect(await found('reichert')).toContain(directory[7]!.accountId);
    expect(await found('jose')).toContain(directory[5]!.accountId);
    expect(await found('JOSÉ ÁLV')).toEqual([directory[5]!.accountId]);
    expect(await found('acme')).toHaveLength(directory.filter((u) => u.email?.endsWith('@acme.com')).length);
  });
});

describe('the search words follow the directory', () => {
  it('drops the old words of a renamed user in the same call (a bulk refresh)', async () => {
    const user = directory[6]!;
    await repo.upsertMany([{ ...user, name: 'Mary Smithson', email: 'mary.smithson@example.com' }], 1);
    expect(await found('watson')).not.toContain(user.accountId);
    expect(await found('smithson')).toEqual([user.accountId]);
    await repo.upsertMany([user], 1);
    expect(await found('watson')).toContain(user.accountId);
    expect(await found('smithson')).toEqual([]);
  });

  it('keeps the old words of a user renamed during a full walk until the walk ends', async () => {
    const user = directory[5]!;
    const renamed = { ...user, name: 'José Quintana', email: 'jq@example.com' };
    await repo.upsertMany(directory.map((u) => (u === user ? renamed : u)), 2, { staleRows: 'at-mark-left' });
    expect(await found('quintana')).toEqual([user.accountId]);
    expect(await found('alvarez')).toContain(user.accountId);
    await repo.markLeftBefore(2);
    expect(await found('alvarez')).not.toContain(user.accountId);
    expect(await found('quintana')).toEqual([user.accountId]);
  }, 120_000);
});
