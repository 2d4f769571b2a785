import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql } from '@forge/sql';
import type { Job } from '../../../src/domain/model/jobs';
import { SqlJobRepository } from '../../../src/adapters/forge-sql/jobs/sqlJobRepository';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { NOW } from './support/seedDirectory';

useForgeRuntime();
const jobs = new SqlJobRepository();
const MINUTE = 60_000;
const at = (minutes: number): Date => new Date(NOW.getTime() + minutes * MINUTE);

const aJob = (id: string, minutes: number, overrides: Partial<Job> = {}): Job => ({
  id,
  kind: 'bulk-action',
  spec: { kind: 'bulk-action', action: { type: 'revoke-product', productKey: 'jira-software', resourceId: 'site-1' }, actor: { kind: 'admin', accountId: 'admin-1' } },
  status: 'queued',
  createdAt: at(minutes),
  updatedAt: at(minutes),
  finishedAt: null,
  createdBy: 'admin-1',
  phase: 'revoke-product',
  processed: 0,
  total: 3,
  succeeded: 0,
  failed: 0,
  skipped: 0,
  attempts: 0,
  ...overrides,
});

beforeAll(async () => {
  await ensureSchema();
});

describe('SqlJobRepository: the spec in the row, and the queries that replace the KVS pointer (B3)', () => {
  it('keeps the spec with the job and reads it back checked', async () => {
    await jobs.create(aJob('j-1', 0, { status: 'succeeded' }), ['a', 'b', 'c']);
    expect(await jobs.get('j-1')).toEqual(aJob('j-1', 0, { status: 'succeeded' }));
    await expect(jobs.create({ ...aJob('j-bad', 0), spec: { kind: 'bulk-action', action: { type: 'explode' }, actor: { kind: 'system' } } } as unknown as Job, [])).rejects.toThrow();
    expect(await jobs.get('j-bad')).toBeNull();
  });

  it('refuses a stored spec that does not parse, or that belongs to another kind', async () => {
    await sql.prepare("INSERT INTO jobs (id,kind,spec,status,created_at,updated_at,created_by,phase,processed,total,succeeded,failed,skipped) VALUES ('j-broken','bulk-action','{\"kind\":\"bulk-action\"}','running',NOW(3),NOW(3),NULL,'x',0,0,0,0,0)").execute();
    await expect(jobs.get('j-broken')).rejects.toMatchObject({ code: 'INTERNAL' });
    await sql.prepare("UPDATE jobs SET kind='revert', spec=(SELECT spec FROM (SELECT spec FROM jobs WHERE id='j-1') AS s) WHERE id='j-broken'").execute();
    await expect(jobs.get('j-broken')).rejects.toMatchObject({ code: 'INTERNAL' });
    await sql.prepare("DELETE FROM jobs WHERE id='j-broken'").execute();
  });

  it('finds the newest unfinished job of a kind, none once it finished', async () => {
    expect(await jobs.current('bulk-action')).toBeNull();
    await jobs.create(aJob('j-2', 1, { status: 'running' }), ['a']);
    await jobs.create(aJob('j-3', 2), ['a']);
    expect((await jobs.current('bulk-action'))?.id).toBe('j-3');
    expect(await jobs.current('revert')).toBeNull();
    await jobs.update(aJob('j-3', 2, { status: 'partially-failed' }));
    expect((await jobs.current('bulk-action'))?.id).toBe('j-2');
    await jobs.update(aJob('j-2', 1, { status: 'cancelled' }));
    expect(await jobs.current('bulk-action')).toBeNull();
  });

  it('lists recent jobs newest first and the stalled ones by their last move', async () => {
    await jobs.create(aJob('j-4', 3, { status: 'running', updatedAt: at(10) }), ['a']);
    await jobs.create(aJob('j-5', 4, { status: 'queued', updatedAt: at(30) }), ['a']);
    expect((await jobs.recent(10)).map((j) => j.id)).toEqual(['j-5', 'j-4', 'j-3', 'j-2', 'j-1']);
    expect((await jobs.recent(2)).map((j) => j.id)).toEqual(['j-5', 'j-4']);
    expect((await jobs.stalled('bulk-action', at(20))).map((j) => j.id)).toEqual(['j-4']);
    expect((await jobs.stalled('bulk-action', at(31))).map((j) => j.id)).toEqual(['j-4', 'j-5']);
    expect(await jobs.stalled('revert', at(31))).toEqual([]);
    await expect(jobs.recent(0)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('touches a stalled job only while it is unfinished and has not moved since', async () => {
    await jobs.create(aJob('j-t', 8, { status: 'running', updatedAt: at(10) }), ['a']);
    expect(await jobs.touchIfStalled('j-t', at(5), at(40))).toBe(false);
    expect(await jobs.touchIfStalled('j-t', at(20), at(40))).toBe(true);
    expect((await jobs.get('j-t'))?.updatedAt).toEqual(at(40));
    expect(await jobs.touchIfStalled('j-t', at(20), at(41))).toBe(false);
    await jobs.update({ ...(await jobs.get('j-t'))!, status: 'succeeded' });
    expect(await jobs.touchIfStalled('j-t', at(50), at(60))).toBe(false);
  });

  it('pages results of one outcome only', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `acc-${String(i)}`);
    await jobs.create(aJob('j-6', 5), ids);
    await jobs.recordResults('j-6', ids.slice(0, 6).map((accountId, i) => ({ accountId, outcome: i % 2 === 0 ? 'failed' : 'succeeded', reason: i % 2 === 0 ? 'UPSTREAM_FAILED' : null })));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof jobs.results>> = await jobs.results('j-6', 2, after, 'failed');
      seen.push(...page.items.map((r) => `${r.accountId}:${r.outcome}`));
      after = page.next;
    } while (after !== null);
    expect(seen).toEqual(['acc-0:failed', 'acc-2:failed', 'acc-4:failed']);
    expect((await jobs.results('j-6', 10, null, 'skipped')).items).toEqual([]);
    expect((await jobs.results('j-6', 10, null)).items).toHaveLength(6);
    const firstFailed = await jobs.results('j-6', 1, null, 'failed');
    await expect(jobs.results('j-6', 1, firstFailed.next, 'succeeded')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
