import { useForgeRuntime } from '../../support/forgeRuntime';
import { faker } from '@faker-js/faker';
import { auditActionSchema, type AuditEntry } from '../../../src/domain/model/audit';
import type { AuditQuery } from '../../../src/domain/ports/auditLog';
import { SqlAuditLog } from '../../../src/adapters/forge-sql/audit/sqlAuditLog';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { NOW } from './support/seedDirectory';

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

const actorIdOf = (e: AuditEntry): string =>
  e.actor.kind === 'admin' ? e.actor.accountId : e.actor.kind === 'task' ? e.actor.taskId : '';

const expected = (q: Omit<AuditQuery, 'limit' | 'after'>): string[] =>
  entries
    .filter(
      (e) =>
        (!q.from || e.at >= q.from) &&
        (!q.to || e.at < q.to) &&
        (!q.actions?.length || q.actions.includes(e.action)) &&
        (!q.outcome?.length || q.outcome.includes(e.outcome)) &&
        (q.actorId === undefined || actorIdOf(e) === q.actorId) &&
        (q.targetAccountId === undefined || e.targetAccountId === q.targetAccountId) &&
        (!q.search || [e.targetAccountId, actorIdOf(e), e.jobId].includes(q.search)),
    )
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1))
    .map((e) => e.id);

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
    ['search by job id', { search: 'job-3' }],
    ['search by account id', { search: 'acc-12' }],
    ['everything at once', { from, to, actions: ['user.deactivate', 'user.reactivate'], actorId: 'task-1', outcome: ['succeeded'] }],
  ])('filters by %s', async (_name, q) => {
    expect((await allPages(q, 97)).map((e) => e.id)).toEqual(expected(q));
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
  const ofJob = async (): Promise<AuditEntry[]> => allPages({ search: 'job-9' }, 10);

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
