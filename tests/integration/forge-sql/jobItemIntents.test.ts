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
  createdBy: 'admin-1',
  phase: 'revoke-product',
  processed: 0,
  total: 4,
  succeeded: 0,
  failed: 0,
  skipped: 0,
  attempts: 0,
};

beforeAll(async () => {
  await ensureSchema();
  await jobs.create(job, ['a', 'b', 'c', 'd']);
});

describe('SqlJobRepository: item intents (exactly-once changes, issue 16)', () => {
  it('records the change a pending item is about to make; the item stays pending and counts as pending', async () => {
    await jobs.recordIntents(job.id, [
      { accountId: 'b', method: 'group-remove', groupIds: ['g-1', 'g-2'] },
      { accountId: 'a', method: 'role-revoke', groupIds: [] },
    ]);
    expect(await jobs.intents(job.id, ['a', 'b', 'c', 'zzz'])).toEqual([
      { accountId: 'a', method: 'role-revoke', groupIds: [] },
      { accountId: 'b', method: 'group-remove', groupIds: ['g-1', 'g-2'] },
    ]);
    expect(await jobs.intents(job.id, [])).toEqual([]);
    expect(await jobs.pendingItems(job.id, 10)).toEqual(['a', 'b', 'c', 'd']);
    expect(await jobs.itemCounts(job.id)).toEqual({ pending: 4, succeeded: 0, failed: 0, skipped: 0 });
    expect((await jobs.results(job.id, 10, null)).items).toEqual([]);
  });

  it('a later intent replaces an earlier one; an item with its result has no open intent, and a late intent does not reopen it', async () => {
    await jobs.recordIntents(job.id, [{ accountId: 'a', method: 'group-remove', groupIds: ['g-3'] }]);
    expect(await jobs.intents(job.id, ['a'])).toEqual([{ accountId: 'a', method: 'group-remove', groupIds: ['g-3'] }]);
    await jobs.recordResults(job.id, [{ accountId: 'a', outcome: 'succeeded', reason: null }]);
    await jobs.recordIntents(job.id, [{ accountId: 'a', method: 'role-revoke', groupIds: [] }]);
    expect(await jobs.intents(job.id, ['a', 'b'])).toEqual([{ accountId: 'b', method: 'group-remove', groupIds: ['g-1', 'g-2'] }]);
    expect((await jobs.results(job.id, 10, null)).items).toEqual([{ accountId: 'a', outcome: 'succeeded', reason: null }]);
    expect(await jobs.pendingItems(job.id, 10)).toEqual(['b', 'c', 'd']);
  });
});
