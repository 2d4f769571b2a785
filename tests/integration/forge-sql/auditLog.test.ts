import { useForgeRuntime } from '../../support/forgeRuntime';
import { faker } from '@faker-js/faker';
import { auditActionSchema, type AuditEntry } from '../../../src/domain/model/audit';
import type { AuditQuery } from '../../../src/domain/ports/auditLog';
import { SqlAuditLog } from '../../../src/adapters/forge-sql/audit/sqlAuditLog';
import { FEW_PEOPLE } from '../../../src/adapters/forge-sql/audit/auditPeople';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import type { User } from '../../../src/domain/model/user';
import { NOW, seedUsers } from './support/seedDirectory';

useForgeRuntime();
const log = new SqlAuditLog();

faker.seed(99);
const actors = [
  { kind: 'admin', accountId: 'admin-1' },
  { kind: 'admin', accountId: 'admin-2' },
  { kind: 'task', taskId: 'task-1' },
  { kind: 'system' },
] as const;
/** 5,000 entries over ~30 days; every tenth shares its timestamp with the previous one (tie-breaker). */
const entries: AuditEntry[] = Array.from({ length: 5000 }, (_, i) => ({
  id: `e-${faker.string.alphanumeric(12)}`,
  at: new Date(NOW.getTime() - Math.floor(i / 2) * 500_000 - (i % 10 === 0 ? 0 : i % 2)),
  actor: faker.helpers.arrayElement(actors),
  action: faker.helpers.arrayElement(auditActionSchema.options),
  targetAccountId: i % 9 === 0 ? null : `acc-${String(faker.number.int({ max: 50 }))}`,
  outcome: faker.helpers.arrayElement(['succeeded', 'succeeded', 'failed', 'skipped'] as const),
  reason: i % 3 === 0 ? 'protected' : null,
  details: { count: i, label: faker.word.noun(), flag: i % 2 === 0, nothing: null },
  jobId: i % 4 === 0 ? `job-${String(i % 7)}` : null,
}));

/**
 * The synced people the entries name: a few by hand (an admin, accents, email words), and more than FEW_PEOPLE
 * sharing the email domain `crowd.example` (a broad search). Some audit targets are not synced at all.
 */
const [template] = seedUsers(1, []);
const person = (accountId: string, name: string, email: string | null): User => ({ ...template!, accountId, name, email });
const people: User[] = [
  person('admin-1', 'Ada Lovelace', 'ada@engines.example'),
  person('admin-2', 'Grace Hopper', null),
  person('acc-7', 'Abbey Reichert', 'abbey.reichert@acme.example'),
  person('acc-8', 'Émile Zola', 'e.zola+jira@acme.example'),
  person('acc-9', 'Mary-Ann O’Brien', 'mab@other.example'),
  ...Array.from({ length: FEW_PEOPLE + 20 }, (_, i) => person(i < 30 ? `acc-${String(i + 20)}` : `crowd-${String(i)}`, `Crowd ${String(i)}`, `c${String(i)}@crowd.example`)),
];
const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
/** Independent of the app's word index: split at anything not a letter or digit, match a word's start. */
const named = (search: string): Set<string> =>
  new Set(
    people
      .filter((p) => [p.name, p.email ?? ''].some((text) => fold(text).split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(fold(search)))))
      .map((p) => p.accountId),
  );

const actorIdOf = (e: AuditEntry): string =>
  e.actor.kind === 'admin' ? e.actor.accountId : e.actor.kind === 'task' ? e.actor.taskId : '';

const expected = (q: Omit<AuditQuery, 'limit' | 'after'>): string[] => {
  const searched = q.search === undefined ? null : named(q.search);
  return entries
    .filter(
      (e) =>
        (!q.from || e.at >= q.from) &&
        (!q.to || e.at < q.to) &&
        (!q.actions?.length || q.actions.includes(e.action)) &&
        (!q.outcome?.length || q.outcome.includes(e.outcome)) &&
        (q.actorId === undefined || actorIdOf(e) === q.actorId) &&
        (q.targetAccountId === undefined || e.targetAccountId === q.targetAccountId) &&
        (q.jobId === undefined || e.jobId === q.jobId) &&
        (searched === null || searched.has(e.targetAccountId ?? '') || (e.actor.kind === 'admin' && searched.has(e.actor.accountId))),
    )
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1))
    .map((e) => e.id);
};

const allPages = async (q: Omit<AuditQuery, 'limit' | 'after'>, limit: number): Promise<AuditEntry[]> => {
  const out: AuditEntry[] = [];
  let after: string | null = null;
  do {
    const page: { items: AuditEntry[]; next: string | null } = await log.query({ ...q, limit, after });
    out.push(...page.items);
    after = page.next;
  } while (after !== null);
  return out;
};

beforeAll(async () => {
  await ensureSchema();
  await log.append(entries);
  await new SqlUserRepository().upsertMany(people, 1);
});

describe('SqlAuditLog (A1-A3)', () => {
  it('returns entries exactly as appended, newest first, paged without repeats or gaps', async () => {
    const all = await allPages({}, 701);
    expect(all.map((e) => e.id)).toEqual(expected({}));
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const e of all.slice(0, 200)) expect(e).toEqual(byId.get(e.id));
  });

  it('is idempotent: appending the same entries again stores nothing twice', async () => {
    await log.append(entries.slice(0, 1000));
    expect((await allPages({}, 1000)).length).toBe(5000);
  });

  const from = new Date(NOW.getTime() - 10 * 86_400_000);
  const to = new Date(NOW.getTime() - 3 * 86_400_000);
  it.each<[string, Omit<AuditQuery, 'limit' | 'after'>]>([
    ['time range (from inclusive, to exclusive)', { from, to }],
    ['one action', { actions: ['user.deactivate'] }],
    ['several actions', { actions: ['product.revoke', 'product.assign', 'settings.update'] }],
    ['actor', { actorId: 'admin-2' }],
    ['the system as actor', { actorId: '' }],
    ['affected user', { targetAccountId: 'acc-7' }],
    ['outcome', { outcome: ['failed', 'skipped'] }],
    ['one job', { jobId: 'job-3' }],
    ['everything at once', { from, to, actions: ['user.deactivate', 'user.reactivate'], actorId: 'task-1', outcome: ['succeeded'] }],
  ])('filters by %s', async (_name, q) => {
    expect((await allPages(q, 97)).map((e) => e.id)).toEqual(expected(q));
  });

  it.each<[string, string, number]>([
    ['a surname finds the affected user', 'reichert', 1],
    ['an accented name, typed plainly and in capitals', 'EMILE', 1],
    ['a word of an email (after `+`)', 'jira', 1],
    ['a word after a hyphen and an apostrophe', 'brien', 1],
    ['the acting admin by surname', 'lovelace', 1],
    ['an admin without an email', 'hop', 1],
    [`a domain shared by more than ${String(FEW_PEOPLE)} people`, 'crowd', FEW_PEOPLE + 20],
    ['nobody', 'zzz-nobody', 0],
  ])('search by name or email: %s (U6, A2)', async (_name, search, peopleFound) => {
    expect(named(search).size).toBe(peopleFound);
    const found = (await allPages({ search }, 97)).map((e) => e.id);
    expect(found).toEqual(expected({ search }));
    if (peopleFound > 0) expect(found.length).toBeGreaterThan(0);
  });

  it('search combines with the other filters, and an account or job ID typed as text finds nothing', async () => {
    for (const q of [{ search: 'crowd', outcome: ['failed' as const] }, { search: 'ada', from, to }, { search: 'reichert', jobId: 'job-0' }]) {
      expect((await allPages(q, 50)).map((e) => e.id)).toEqual(expected(q));
    }
    expect((await allPages({ search: 'acc-7' }, 50)).map((e) => e.id)).toEqual([]);
  });

  it('includes an entry exactly at `from` and excludes one exactly at `to`', async () => {
    const pivot = entries[1234]!;
    const at = await allPages({ from: pivot.at, to: new Date(pivot.at.getTime() + 1) }, 50);
    expect(at.map((e) => e.id)).toContain(pivot.id);
    expect((await allPages({ to: pivot.at, from: new Date(pivot.at.getTime() - 1) }, 50)).map((e) => e.id)).not.toContain(pivot.id);
  });

  it('serves export pages of 1,000 and refuses bigger pages or foreign cursors', async () => {
    expect((await log.query({ limit: 1000, after: null })).items).toHaveLength(1000);
    await expect(log.query({ limit: 1001, after: null })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const bad = Buffer.from(JSON.stringify(['audit:at', ['x', 'y']])).toString('base64url');
    await expect(log.query({ limit: 10, after: bad })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it.each([8.64e15 + 1, Date.UTC(10000, 0, 1), Date.UTC(999, 11, 31), 1.5])('refuses a crafted cursor whose instant is %d as invalid input, not a failure', async (at) => {
    const crafted = Buffer.from(JSON.stringify(['audit:at', [at, 'audit-1']])).toString('base64url');
    await expect(log.query({ limit: 10, after: crafted })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('SqlAuditLog: the entries of job items', () => {
  const item: AuditEntry = {
    id: 'job-9:item-1',
    at: new Date(NOW.getTime() + 1000),
    actor: { kind: 'admin', accountId: 'admin-1' },
    action: 'user.deactivate',
    targetAccountId: 'acc-1',
    outcome: 'failed',
    reason: 'CONFLICT',
    details: { method: 'lifecycle-disable', apiCode: 'conflict' },
    jobId: 'job-9',
  };
  const ofJob = async (): Promise<AuditEntry[]> => allPages({ jobId: 'job-9' }, 10);

  it("are written by id and end with the item's final outcome; append still never changes an entry", async () => {
    await log.writeItemEntries([item]);
    expect(await ofJob()).toEqual([item]);
    const succeeded: AuditEntry = { ...item, at: new Date(item.at.getTime() + 5000), outcome: 'succeeded', reason: null, details: { method: 'lifecycle-disable' } };
    await log.writeItemEntries([succeeded]);
    await log.writeItemEntries([succeeded]);
    expect(await ofJob()).toEqual([succeeded]);
    await log.append([item]);
    expect(await ofJob()).toEqual([succeeded]);
  });

  it('refuses to write an entry without a job by id', async () => {
    await expect(log.writeItemEntries([{ ...item, id: 'loose', jobId: null }])).rejects.toMatchObject({ code: 'INTERNAL' });
    expect((await allPages({ targetAccountId: 'acc-1' }, 1000)).map((e) => e.id)).not.toContain('loose');
  });
});
