import { DomainError } from '../../../../src/domain/model/errors';
import type { SyncDataType } from '../../../../src/domain/model/jobs';
import { hasActivityStream, planPhases } from '../../../../src/domain/usecases/sync/syncPlan';
import { startSync, type StartSyncCommand } from '../../../../src/domain/usecases/sync/runLifecycle';
import { drain } from './driver';
import { makeWorld, populate } from './world';

const ADMIN = { kind: 'admin', accountId: 'admin-1' } as const;
const manual = (dataTypes: SyncDataType[], groupIds: string[] = []): StartSyncCommand => ({ trigger: 'manual', actor: ADMIN, dataTypes, groupIds });

const codeOf = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'started',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('startSync', () => {
  it('takes the lock, creates a run with a new generation, audits the start and pushes slice 0', async () => {
    const w = makeWorld();
    populate(w, { users: 10 });
    const run = await startSync(manual(['users', 'groups']), w.startDeps);
    expect(run).toMatchObject({ status: 'running', phase: 'workspaces', generation: 1, trigger: 'manual', dataTypes: ['users', 'groups'] });
    expect(run.checkpoint).toMatchObject({ slice: 0, continuationPushed: true, chainPushes: 1, orgId: 'org-1' });
    expect(w.lock.isHeld('sync')).toBe(true);
    expect(w.queue.pushed.map((q) => q.message)).toEqual([{ kind: 'sync', runId: run.id, slice: 0 }]);
    expect(w.audit.entries.get(`sync-${run.id}-start`)).toMatchObject({ actor: ADMIN, action: 'sync.run', outcome: 'succeeded', jobId: run.id });
    await drain(w);
    expect((await startSync(manual(['users']), w.startDeps)).generation).toBe(2);
  });

  it('refuses a second sync while one runs (LOCK_HELD), also after the lock lease has expired', async () => {
    const w = makeWorld();
    populate(w, { users: 10 });
    await startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);
    expect(await codeOf(startSync(manual(['users']), w.startDeps))).toBe('LOCK_HELD');
    w.clock.advance(4 * 60 * 60 * 1000);
    expect(w.lock.isHeld('sync')).toBe(false);
    expect(await codeOf(startSync(manual(['users']), w.startDeps))).toBe('LOCK_HELD');
    expect(w.lock.isHeld('sync')).toBe(false);
    expect(w.runs.runs.size).toBe(1);
  });

  it('estimates the total from the users the last sync found', async () => {
    const w = makeWorld();
    populate(w, { users: 250 });
    expect((await startSync(manual(['users']), w.startDeps)).estimatedTotal).toBeNull();
    await drain(w);
    expect((await startSync(manual(['users']), w.startDeps)).estimatedTotal).toBe(250);
  });

  it.each([
    ['no data type', [], []],
    ['group memberships without a group', ['group-memberships'], []],
    ['an unknown data type', ['everything'], []],
  ] as [string, SyncDataType[], string[]][])('refuses %s (VALIDATION_FAILED) and takes no lock', async (_label, types, groups) => {
    const w = makeWorld();
    expect(await codeOf(startSync(manual(types, groups), w.startDeps))).toBe('VALIDATION_FAILED');
    expect(w.lock.isHeld('sync')).toBe(false);
  });

  it('reads the memberships of picked groups only when "All groups" is off', async () => {
    const w = makeWorld();
    const picked = await startSync(manual(['group-memberships', 'users'], ['g-1', 'g-1', 'g-2']), w.startDeps);
    expect(picked).toMatchObject({ dataTypes: ['users', 'group-memberships'], groupIds: ['g-1', 'g-2'] });
    await drain(w);
    const included = await startSync(manual(['group-memberships', 'groups'], ['g-1']), w.startDeps);
    expect(included).toMatchObject({ dataTypes: ['groups'], groupIds: [] });
    await drain(w);
    const ignored = await startSync(manual(['customers'], ['g-1']), w.startDeps);
    expect(ignored.groupIds).toEqual([]);
  });

  it('plans the phases each selection needs', () => {
    expect(planPhases(['users', 'last-active', 'groups', 'project-users', 'customers'])).toEqual([
      'workspaces', 'groups', 'users', 'project-users', 'customers', 'finish',
    ]);
    expect(planPhases(['last-active'])).toEqual(['workspaces', 'users', 'finish']);
    // The per-user fallback is a stream of its own beside those phases, for last-active only.
    expect(hasActivityStream(['last-active'])).toBe(true);
    expect(hasActivityStream(['users', 'groups', 'project-users', 'customers'])).toBe(false);
    expect(planPhases(['group-memberships'])).toEqual(['workspaces', 'memberships', 'finish']);
    expect(planPhases(['customers'])).toEqual(['workspaces', 'customers', 'finish']);
  });

  it('refuses without an API key (API_KEY_MISSING)', async () => {
    const w = makeWorld();
    w.secrets.key = null;
    expect(await codeOf(startSync(manual(['users']), w.startDeps))).toBe('API_KEY_MISSING');
    expect(w.lock.isHeld('sync')).toBe(false);
  });

  it('fails the new run and releases the lock when the first push fails', async () => {
    const w = makeWorld();
    w.queue.failNext = 1;
    expect(await codeOf(startSync(manual(['users']), w.startDeps))).toContain('queue unavailable');
    expect([...w.runs.runs.values()].map((r) => [r.status, r.checkpoint.failureReason])).toEqual([['failed', 'START_FAILED']]);
    expect(w.lock.isHeld('sync')).toBe(false);
    expect(await codeOf(startSync(manual(['users']), w.startDeps))).toBe('started');
  });

  it('releases the lock when the run cannot even be created', async () => {
    const w = makeWorld();
    w.runs.create = () => Promise.reject(new DomainError('CONFLICT', 'generation taken'));
    expect(await codeOf(startSync(manual(['users']), w.startDeps))).toBe('CONFLICT');
    expect(w.lock.isHeld('sync')).toBe(false);
  });
});
