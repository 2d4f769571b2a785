import { DomainError } from '../../../../src/domain/model/errors';
import type { SyncRun } from '../../../../src/domain/model/jobs';
import type { User } from '../../../../src/domain/model/user';
import { withActivity } from '../../../../src/domain/usecases/sync/activityMerge';
import { phaseOf } from '../../../../src/domain/usecases/sync/checkpoint';
import { hourlyTick } from '../../../../src/domain/usecases/sync/hourlyTick';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { drain } from './driver';
import { CONFLUENCE, JIRA, makeWorld, populate } from './world';

const start = (w: ReturnType<typeof makeWorld>) => startSync({ trigger: 'schedule', actor: { kind: 'system' } }, w.startDeps);

describe('sync phases in detail', () => {
  it('merges fallback activity by site and product family, and keeps what the fallback does not say', () => {
    const added = new Date('2020-01-01T00:00:00Z');
    const user = {
      addedToOrgAt: added,
      activityKnown: false,
      productAccess: [
        { productKey: 'jira-software', resourceId: JIRA, lastActiveAt: null },
        { productKey: 'confluence', resourceId: CONFLUENCE, lastActiveAt: null },
      ],
    } as unknown as User;
    const at = new Date('2025-05-01T00:00:00Z');
    const merged = withActivity(user, {
      accountId: 'u',
      addedToOrgAt: null,
      products: [
        { productKey: 'jira', resourceId: JIRA, lastActiveAt: at },
        { productKey: 'confluence', resourceId: 'ari:other-site', lastActiveAt: at },
      ],
    });
    expect(merged).toEqual({
      addedToOrgAt: added,
      activityKnown: true,
      productAccess: [
        { productKey: 'jira-software', resourceId: JIRA, lastActiveAt: at },
        { productKey: 'confluence', resourceId: CONFLUENCE, lastActiveAt: null },
      ],
    });
  });

  it('reads a phase it does not know (a newer version’s row) as finish', () => {
    expect(phaseOf({ phase: 'teleport' } as SyncRun)).toBe('finish');
  });

  it('never walks zero directories: an org that lists none fails instead of marking everyone as left', async () => {
    const w = makeWorld({ maxAttempts: 2 });
    populate(w, { users: 20 });
    await start(w);
    await drain(w);
    w.directory.directories = [];
    const run = await start(w);
    await drain(w);
    expect((await w.runs.get(run.id))?.checkpoint.failureReason).toBe('UPSTREAM_FAILED');
    expect(w.tables.users.size).toBe(20);
    expect([...w.tables.users.values()].every((r) => r.left === null)).toBe(true);
  });

  it('retries the fallback step when three users fail in a row (the endpoint, not the users, is broken)', async () => {
    const w = makeWorld({ maxAttempts: 3, earlyActivity: false });
    populate(w, { users: 400, hidden: 0.2 });
    w.directory.fault = (call) => {
      if (call === 'lastActiveDates') throw new DomainError('UPSTREAM_FAILED', '503');
    };
    const run = await start(w);
    await drain(w);
    const failed = (await w.runs.get(run.id))!;
    expect(failed).toMatchObject({ status: 'failed', phase: 'activity', errors: 3 });
    expect(failed.checkpoint.counts.activityFailed).toBe(0);
    expect(w.directory.calls.lastActiveDates).toBe(9);
  });

  it('has the tick report a start that failed for another reason, and a start lock someone else holds', async () => {
    const w = makeWorld({}, new Date('2025-06-15T03:10:00Z'));
    populate(w, { users: 5 });
    const someoneElse = await w.lock.acquire('sync', 60);
    expect((await hourlyTick(w.tickDeps)).sync).toMatchObject({ action: 'running', runId: null });
    await w.lock.release(someoneElse!);
    w.runs.nextGeneration = () => Promise.reject(new DomainError('STORAGE_LIMIT', 'full'));
    expect((await hourlyTick(w.tickDeps)).sync).toMatchObject({ action: 'error', error: 'STORAGE_LIMIT' });
    expect(w.lock.isHeld('sync')).toBe(false);
  });
});
