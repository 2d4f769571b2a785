import { useForgeRuntime } from '../../support/forgeRuntime';
import type { Job } from '../../../src/domain/model/jobs';
import { SqlJobRepository } from '../../../src/adapters/forge-sql/jobs/sqlJobRepository';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { NOW } from './support/seedDirectory';

useForgeRuntime();
const jobs = new SqlJobRepository();

const job: Job = {
  id: 'job-intents',
  kind: 'bulk-action',
  spec: { kind: 'bulk-action', action: { type: 'revoke-product', productKey: 'jira-software', resourceId: 'ari:cloud:jira::site/1' }, actor: { kind: 'admin', accountId: 'admin-1' } },
  status: 'running',
  createdAt: NOW,
  updatedAt: NOW,
  finishedAt: null,
  createdBy: 'admin-1',
  phase: 'revoke-product',
  processed: 0,
  total: 4,
  succeeded: 0,
  failed: 0,
  skipped: 0,
  attempts: 0,
};

/** What the items found before their change (B5). */
const beforeB = { accountStatus: 'active' as const, membershipStatus: 'active' as const, hadProduct: true, groups: [{ id: 'g-1', name: 'jira-users' }, { id: 'g-2', name: 'Jira Ünïcode' }] };
const beforeA = { ...beforeB, groups: [{ id: 'g-3', name: 'g 3' }] };

beforeAll(async () => {
  await ensureSchema();
  await jobs.create(job, ['a', 'b', 'c', 'd']);
});

describe('SqlJobRepository: item intents (exactly-once changes, issue 16)', () => {
  it('records the change a pending item is about to make; the item stays pending and counts as pending', async () => {
    await jobs.recordIntents(job.id, [
      { accountId: 'b', method: 'group-remove', groupIds: ['g-1', 'g-2'], before: beforeB },
      { accountId: 'a', method: 'role-revoke', groupIds: [], before: null },
    ]);
    expect(await jobs.intents(job.id, ['a', 'b', 'c', 'zzz'])).toEqual([
      { accountId: 'a', method: 'role-revoke', groupIds: [], before: null },
      { accountId: 'b', method: 'group-remove', groupIds: ['g-1', 'g-2'], before: beforeB },
    ]);
    expect(await jobs.intents(job.id, [])).toEqual([]);
    expect(await jobs.pendingItems(job.id, 10)).toEqual(['a', 'b', 'c', 'd']);
    expect(await jobs.itemCounts(job.id)).toEqual({ pending: 4, succeeded: 0, failed: 0, skipped: 0 });
    expect((await jobs.results(job.id, 10, null)).items).toEqual([]);
  });

  it('a later intent replaces an earlier one; an item with its result has no open intent, and a late intent does not reopen it', async () => {
    await jobs.recordIntents(job.id, [{ accountId: 'a', method: 'group-remove', groupIds: ['g-3'], before: beforeA }]);
    expect(await jobs.intents(job.id, ['a'])).toEqual([{ accountId: 'a', method: 'group-remove', groupIds: ['g-3'], before: beforeA }]);
    await jobs.recordResults(job.id, [{ accountId: 'a', outcome: 'succeeded', reason: null }]);
    await jobs.recordIntents(job.id, [{ accountId: 'a', method: 'role-revoke', groupIds: [], before: null }]);
    expect(await jobs.intents(job.id, ['a', 'b'])).toEqual([{ accountId: 'b', method: 'group-remove', groupIds: ['g-1', 'g-2'], before: beforeB }]);
    expect((await jobs.results(job.id, 10, null)).items).toEqual([{ accountId: 'a', outcome: 'succeeded', reason: null }]);
    expect(await jobs.pendingItems(job.id, 10)).toEqual(['b', 'c', 'd']);
  });

  it('a succeeded item keeps the change it made and what it found before (B5); a pending, skipped or failed one has none', async () => {
    await jobs.recordResults(job.id, [{ accountId: 'c', outcome: 'skipped', reason: 'protected' }]);
    expect(await jobs.changes(job.id, ['a', 'b', 'c', 'd', 'zzz'])).toEqual([{ accountId: 'a', method: 'group-remove', groupIds: ['g-3'], before: beforeA }]);
    await jobs.recordResults(job.id, [{ accountId: 'b', outcome: 'succeeded', reason: null }]);
    expect((await jobs.changes(job.id, ['b'])).map((c) => c.before)).toEqual([beforeB]);
    expect(await jobs.changes(job.id, [])).toEqual([]);
  });

  it('finds the newest revert of a job by the job it reverts (B5)', async () => {
    const revert = (id: string, minutes: number): Job => ({
      ...job,
      id,
      kind: 'revert',
      spec: { kind: 'revert', revertsJobId: job.id, action: { type: 'assign-product', productKey: 'jira-software', resourceId: 'ari:cloud:jira::site/1' }, actor: { kind: 'admin', accountId: 'admin-1' } },
      createdAt: new Date(NOW.getTime() + minutes * 60_000),
    });
    expect(await jobs.revertsOf([job.id])).toEqual([]);
    await jobs.create(revert('revert-1', 1), ['a']);
    await jobs.create(revert('revert-2', 2), ['a']);
    expect((await jobs.revertsOf([job.id, 'other'])).map((j) => j.id)).toEqual(['revert-2']);
    expect(await jobs.revertsOf([])).toEqual([]);
  });
});
