import { useForgeRuntime } from '../../support/forgeRuntime';
import type { Job, SyncCheckpoint, SyncRun } from '../../../src/domain/model/jobs';
import { SqlJobRepository } from '../../../src/adapters/forge-sql/jobs/sqlJobRepository';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlSyncRunRepository } from '../../../src/adapters/forge-sql/jobs/sqlSyncRunRepository';
import { NOW } from './support/seedDirectory';
import { sql } from '@forge/sql';
import { z } from 'zod';

useForgeRuntime();
const jobs = new SqlJobRepository();
const runs = new SqlSyncRunRepository();

const job: Job = {
  id: 'job-1',
  kind: 'bulk-action',
  spec: { kind: 'bulk-action', action: { type: 'deactivate' }, actor: { kind: 'admin', accountId: 'admin-1' } },
  status: 'queued',
  createdAt: NOW,
  updatedAt: NOW,
  finishedAt: null,
  createdBy: 'admin-1',
  phase: 'planned',
  processed: 0,
  total: 2500,
  succeeded: 0,
  failed: 0,
  skipped: 0,
  attempts: 0,
};
const accounts = Array.from({ length: 2500 }, (_, i) => `acc-${String(i).padStart(5, '0')}`);

const checkpoint: SyncCheckpoint = {
  slice: 3,
  continuationPushed: true,
  chainPushes: 3,
  parked: false,
  attempts: 0,
  orgId: 'org-1',
  directoryIds: ['dir-1'],
  directoryNames: { 'dir-1': 'Main directory' },
  directoryIndex: 0,
  chunkIndex: 0,
  cursor: 'opaque-cursor',
  usersWalkComplete: false,
  counts: {
    products: 5, groups: 500, groupsDeleted: 0, users: 300, markedLeft: 0, membershipUsers: 0, membershipsPruned: 0,
    activityFilled: 0, activitySkipped: 0, activityFailed: 0, projectRoleMembers: 0, customers: 0, siteRowsDeleted: 0,
    rateLimited: 1, retries: 1,
  },
  estimates: { groups: 480, users: 300, memberships: null },
  savedAt: new Date(NOW.getTime() + 1234),
  failureReason: null,
  lockToken: 'lease-1',
};

const run = (generation: number, overrides: Partial<SyncRun> = {}): SyncRun => ({
  id: `run-${String(generation)}`,
  generation,
  trigger: 'schedule',
  dataTypes: ['users', 'groups'],
  groupIds: [],
  createdBy: null,
  startedAt: new Date(NOW.getTime() + generation * 1000),
  finishedAt: null,
  status: 'running',
  phase: 'users',
  processed: 0,
  estimatedTotal: null,
  apiCalls: 0,
  errors: 0,
  checkpoint,
  activity: null,
  ...overrides,
});

beforeAll(async () => {
  await ensureSchema();
});

describe('SqlJobRepository: jobs, items and progress (B3)', () => {
  it('creates a job with its items once, even when asked twice', async () => {
    await jobs.create(job, accounts);
    await jobs.create({ ...job, phase: 'again' }, accounts);
    expect(await jobs.get('job-1')).toEqual(job);
    expect(await jobs.get('nope')).toBeNull();
    expect(await jobs.pendingItems('job-1', 5)).toEqual(accounts.slice(0, 5));
  });

  it('works through items in slices, records results idempotently, and reports progress', async () => {
    for (let slice = 0; slice < 3; slice++) {
      const pending = await jobs.pendingItems('job-1', 1000);
      const results = pending.map((accountId, i) => ({
        accountId,
        outcome: i % 10 === 0 ? ('skipped' as const) : ('succeeded' as const),
        reason: i % 10 === 0 ? 'protected' : null,
      }));
      await jobs.recordResults('job-1', results);
      await jobs.recordResults('job-1', results);
    }
    expect(await jobs.pendingItems('job-1', 10)).toEqual([]);
    await jobs.create(job, accounts);
    expect(await jobs.pendingItems('job-1', 10)).toEqual([]);
    const progress = { ...job, status: 'succeeded' as const, processed: 2500, succeeded: 2250, skipped: 250, attempts: 2, updatedAt: new Date(NOW.getTime() + 5000), finishedAt: new Date(NOW.getTime() + 5000) };
    await jobs.update(progress);
    expect(await jobs.get('job-1')).toEqual(progress);
    await expect(jobs.update({ ...job, id: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages results by account id', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof jobs.results>> = await jobs.results('job-1', 333, after);
      seen.push(...page.items.map((r) => r.accountId));
      after = page.next;
    } while (after !== null);
    expect(seen).toEqual(accounts);
    const first = await jobs.results('job-1', 1, null);
    expect(first.items).toEqual([{ accountId: accounts[0], outcome: 'skipped', reason: 'protected' }]);
  });
});

describe('SqlSyncRunRepository: generations and history (Y2)', () => {
  it('hands out generations one above the highest used, newest first in history', async () => {
    expect(await runs.latest()).toBeNull();
    expect(await runs.nextGeneration()).toBe(1);
    await runs.create(run(1));
    await runs.create(run(1));
    await runs.create(run(2, { trigger: 'manual', dataTypes: ['groups', 'group-memberships'], groupIds: ['g-1'] }));
    expect(await runs.nextGeneration()).toBe(3);
    expect((await runs.history(10)).map((r) => r.id)).toEqual(['run-2', 'run-1']);
    expect(await runs.get('run-2')).toEqual(run(2, { trigger: 'manual', dataTypes: ['groups', 'group-memberships'], groupIds: ['g-1'] }));
  });

  it('refuses a second run with a generation already taken', async () => {
    await expect(runs.create({ ...run(2), id: 'run-other' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('records progress and the finish', async () => {
    const done = run(2, { checkpoint: { ...checkpoint, cursor: null, usersWalkComplete: true, failureReason: 'RATE_LIMITED' }, status: 'succeeded', finishedAt: new Date(NOW.getTime() + 60_000), processed: 100_000, estimatedTotal: 100_000, apiCalls: 1001, errors: 2, phase: 'done' });
    await runs.update({ ...done, trigger: 'manual', dataTypes: ['groups', 'group-memberships'], groupIds: ['g-1'] });
    expect(await runs.latest()).toEqual({ ...done, trigger: 'manual', dataTypes: ['groups', 'group-memberships'], groupIds: ['g-1'] });
    await expect(runs.update(run(9))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('saves the two streams apart, and never changes a run that has ended', async () => {
    const activity = {
      slice: 3, continuationPushed: true, chainPushes: 3, parked: false, attempts: 0, pass: 'early' as const,
      cursor: 'acc-0042', earlyStopped: false, counts: { ...checkpoint.counts, activityFilled: 40 }, apiCalls: 41,
      errors: 0, savedAt: new Date(NOW.getTime() + 5000),
    };
    const started = run(3, { dataTypes: ['users', 'last-active'], activity: { ...activity, slice: 0, cursor: null } });
    await runs.create(started);
    await runs.updateActivity({ ...started, activity });
    const walked = { ...started, processed: 200, checkpoint: { ...checkpoint, cursor: 'page-3' } };
    await runs.update(walked); // holds the activity stream as it started: that part is not written
    expect(await runs.get('run-3')).toEqual({ ...walked, activity });
    const ended = { ...walked, status: 'failed' as const, finishedAt: new Date(NOW.getTime() + 9000) };
    await runs.update(ended);
    await runs.update({ ...walked, processed: 300 });
    await runs.updateActivity({ ...walked, activity: { ...activity, pass: 'done' } });
    expect(await runs.get('run-3')).toEqual({ ...ended, activity });
  });
});

describe('one jobs table for every kind (issue 16)', () => {
  it('keeps syncs and bulk jobs as rows of one table, each repository reading its own kind', async () => {
    const manual = run(4, { trigger: 'manual', createdBy: 'admin-7' });
    await runs.create(manual);
    const rows = await sql.prepare<unknown>('SELECT id, kind, generation, finished_at FROM jobs ORDER BY id').execute();
    const stored = z.array(z.object({ id: z.string(), kind: z.string(), generation: z.number().nullable(), finished_at: z.unknown() })).parse(rows.rows);
    expect(stored.map((r) => [r.id, r.kind, r.generation])).toEqual([
      ['job-1', 'bulk-action', null], ['run-1', 'sync', 1], ['run-2', 'sync', 2], ['run-3', 'sync', 3], ['run-4', 'sync', 4],
    ]);
    // The bulk job ended in the first block: it has its finish time; the sync repository never sees it, nor the other way round.
    expect(stored[0]?.finished_at).not.toBeNull();
    expect((await jobs.recent(50)).map((j) => j.id)).toEqual(['job-1']);
    expect(await jobs.get('run-4')).toBeNull();
    expect(await runs.get('job-1')).toBeNull();
    expect((await runs.history(50)).map((r) => r.id)).toEqual(['run-4', 'run-3', 'run-2', 'run-1']);
    expect(await runs.get('run-4')).toEqual(manual);
    // run-4 and run-2 were started by hand: the newest run of the daily schedule is run-3.
    expect((await runs.latestScheduled())?.id).toBe('run-3');
  });
});
