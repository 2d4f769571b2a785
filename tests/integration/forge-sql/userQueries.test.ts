import { useForgeRuntime } from '../../support/forgeRuntime';
import { ProtectedEmails } from '../../../src/domain/policy/protectedEmails';
import { userSortKeys, type UserFilter, type UserQuery, type UserQueryContext } from '../../../src/domain/ports/userRepository';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { context } from './support/context';
import { groups, seedUsers } from './support/seedDirectory';
import { expectedOrder } from './support/userOracle';

useForgeRuntime();
const repo = new SqlUserRepository();
const directory = seedUsers(2000, groups(40));
const exact = directory.find((u) => u.email?.endsWith('@corp.test'))?.email ?? 'x@corp.test';
const surname = directory.map((u) => u.name.split(' ')[1] ?? '').find((last) => last.length > 3 && /^[A-Za-z]+$/.test(last)) ?? 'x';
const ctx = context({ protectedEmails: ProtectedEmails.from(['@vip.example', 'anne*@example.com', exact.toUpperCase()]) });

/** Every page of a query, checking that pages are full until the last and that cursors are opaque strings. */
const allPages = async (query: Omit<UserQuery, 'after'>, c: UserQueryContext = ctx): Promise<string[]> => {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const result: { items: { accountId: string }[]; next: string | null } = await repo.list({ ...query, after }, c);
    ids.push(...result.items.map((u) => u.accountId));
    if (result.next === null) return ids;
    expect(result.items).toHaveLength(query.limit);
    after = result.next;
  }
  throw new Error('did not finish');
};

beforeAll(async () => {
  await ensureSchema();
  await repo.upsertMany(directory, 1);
}, 120_000);

describe('U4 sorts: every key both ways, pages never repeat or skip a row', () => {
  const cases = userSortKeys.flatMap((key) => (['asc', 'desc'] as const).map((direction) => [key, direction] as const));
  it.each(cases)('sort by %s %s', async (key, direction) => {
    const query = { filter: {}, sort: { key, direction }, limit: 173 };
    expect(await allPages(query)).toEqual(expectedOrder(directory, query, ctx));
  }, 60_000);
});

describe('sorts led by a column of few values read one partition after another', () => {
  it.each<[UserQuery['sort'], UserFilter]>([
    [{ key: 'accountStatus', direction: 'asc' }, { accountStatus: ['closed', 'inactive'] }],
    [{ key: 'accountStatus', direction: 'desc' }, { inactivity: ['overdue'], billable: true }],
    [{ key: 'managed', direction: 'desc' }, { managed: false }],
    [{ key: 'billable', direction: 'asc' }, { productKey: 'confluence', search: 'a' }],
  ])('%o with %o', async (sort, filter) => {
    for (const limit of [1, 7, 500]) {
      const query = { filter, sort, limit };
      expect(await allPages(query)).toEqual(expectedOrder(directory, query, ctx));
    }
  }, 60_000);
});

describe('U4 filters, each checked against the domain policies in memory', () => {
  const filters: [string, UserFilter][] = [
    ['search by name prefix, case and accents folded', { search: 'EMILE' }],
    ['search by a two-word name prefix', { search: 'anne smi' }],
    ['search by email prefix', { search: directory[3]!.email!.slice(0, 6).toUpperCase() }],
    ['search with an apostrophe', { search: 'o’b' }],
    ['search by a surname (a word start inside the name)', { search: surname }],
    ['search by the start of a later word, accents folded', { search: 'ANGSTR' }],
    ['search by a part of the email after a separator', { search: 'vip' }],
    ['search by an email domain typed with its @', { search: '@corp' }],
    ['search by a letter many words start with', { search: 'c' }],
    ['search by the surname of a name that starts with an accent', { search: 'arnalds' }],
    ['account status', { accountStatus: ['inactive', 'closed'] }],
    ['product', { productKey: 'jira-software' }],
    ['product and per-product inactivity (I1)', { productKey: 'jira-software', inactivity: ['warning', 'overdue'] }],
    ['product never-active and unknown', { productKey: 'confluence', inactivity: ['never-active', 'unknown'] }],
    ['inactivity: active', { inactivity: ['active'] }],
    ['inactivity: warning', { inactivity: ['warning'] }],
    ['inactivity: overdue', { inactivity: ['overdue'] }],
    ['inactivity: never-active', { inactivity: ['never-active'] }],
    ['inactivity: unknown', { inactivity: ['unknown'] }],
    ['inactivity: new (I1)', { inactivity: ['new'] }],
    ['product new (I1)', { productKey: 'jira-software', inactivity: ['new'] }],
    ['inactivity: every inactive state', { inactivity: ['warning', 'overdue', 'never-active'] }],
    ['group', { groupId: 'grp-0003' }],
    ['managed', { managed: true }],
    ['external (not managed)', { managed: false }],
    ['billable', { billable: true }],
    ['not billable', { billable: false }],
    ['protected', { protected: true }],
    ['not protected', { protected: false }],
    [
      'the heaviest combination',
      { productKey: 'jira-software', inactivity: ['overdue', 'never-active'], billable: true, accountStatus: ['active'], managed: true, protected: false, groupId: 'grp-0001' },
    ],
  ];
  it.each(filters)('%s', async (_name, filter) => {
    const sorts = [{ key: 'name', direction: 'asc' }, { key: 'inactivity', direction: 'desc' }, { key: 'email', direction: 'desc' }, { key: 'accountStatus', direction: 'asc' }] as const;
    for (const sort of sorts) {
      const query = { filter, sort, limit: 61 };
      const expected = expectedOrder(directory, query, ctx);
      expect(await allPages(query)).toEqual(expected);
      expect(await repo.countMatching(filter, ctx)).toBe(expected.length);
    }
    expect(expectedOrder(directory, { filter, sort: { key: 'name', direction: 'asc' } }, ctx).length).toBeGreaterThan(0);
  }, 60_000);
});

it('takes LIKE wildcards in a search literally', async () => {
  for (const search of ['%', '_', 'a%', '!']) {
    expect(await repo.countMatching({ search }, ctx)).toBe(0);
  }
}, 60_000);

describe('inactivity follows the thresholds at query time (S2)', () => {
  it.each([
    [{ warningDays: 30, overdueDays: 60 }],
    [{ warningDays: 3, overdueDays: 7 }],
    [{ warningDays: 120, overdueDays: 180 }],
  ])('thresholds %o', async (thresholds) => {
    const c = { ...ctx, thresholds };
    for (const inactivity of [['active'], ['warning'], ['overdue'], ['new'], ['never-active']] as const) {
      const query = { filter: { inactivity: [...inactivity] }, sort: { key: 'email', direction: 'asc' } as const, limit: 500 };
      expect(await allPages(query, c)).toEqual(expectedOrder(directory, query, c));
    }
  }, 60_000);

  it('classifies a user exactly at the warning boundary (whole 24-hour days)', async () => {
    const now = new Date(ctx.now.getTime() + 3_600_000);
    const c = { ...ctx, now };
    const query = { filter: { inactivity: ['warning' as const] }, sort: { key: 'name', direction: 'asc' } as const, limit: 500 };
    expect(await allPages(query, c)).toEqual(expectedOrder(directory, query, c));
  }, 60_000);
});

describe('with a product chosen, the activity sorts follow that product (I1)', () => {
  const sorts = (['lastActiveAt', 'inactivity'] as const).flatMap((key) => (['asc', 'desc'] as const).map((direction) => ({ key, direction })));

  it('orders by the product, not the overall activity (the case of the issue)', () => {
    const filter = { productKey: 'jira-software' };
    const byProduct = expectedOrder(directory, { filter, sort: sorts[0]! }, ctx);
    const overall = expectedOrder(directory, { filter: {}, sort: sorts[0]! }, ctx).filter((id) => byProduct.includes(id));
    expect(byProduct).toHaveLength(overall.length);
    expect(byProduct).not.toEqual(overall);
  });

  it.each<UserFilter>([
    { productKey: 'jira-software' },
    { productKey: 'confluence' },
    { productKey: 'jira-software', inactivity: ['overdue', 'never-active'] },
    { productKey: 'jira-software', inactivity: ['new', 'unknown'], billable: true },
    { productKey: 'confluence', search: 'a' },
    { productKey: 'jira-software', groupId: 'grp-0002', accountStatus: ['active'] },
  ])('%o: every activity sort both ways, all pages', async (filter) => {
    for (const sort of sorts) {
      for (const limit of [7, 500]) {
        const query = { filter, sort, limit };
        expect(await allPages(query)).toEqual(expectedOrder(directory, query, ctx));
      }
    }
  }, 120_000);
});

describe('protected filter with an internationalized domain (P4)', () => {
  it('finds the users of a domain whichever form the whitelist and the addresses use', async () => {
    const template = directory[0];
    if (template === undefined) throw new Error('no users');
    const people = [
      ['idn-1', 'Anna@Bücher.Example.'],
      ['idn-2', 'bob@xn--bcher-kva.example'],
      ['idn-3', 'carl@bucher.example'],
    ].map(([accountId = '', email = '']) => ({ ...template, accountId, email, name: `Idn ${accountId}` }));
    await repo.upsertMany(people, 1);
    for (const entry of ['@bücher.example', '@XN--BCHER-KVA.example.']) {
      const idn = context({ protectedEmails: ProtectedEmails.from([entry]) });
      const found = await allPages({ filter: { protected: true }, sort: { key: 'name', direction: 'asc' }, limit: 50 }, idn);
      expect(found.sort()).toEqual(['idn-1', 'idn-2']);
    }
  }, 60_000);
});
