import { defaultSettings } from '../../../../../src/domain/model/settings';
import { startDueTasks } from '../../../../../src/domain/usecases/tasks/run/startDueTasks';
import { startTaskRun } from '../../../../../src/domain/usecases/tasks/run/startTaskRun';
import { addTask, drain, jiraUser, runDeps, runNow, system, type RunDeps } from './runSupport';

const at = (deps: RunDeps, iso: string): Date => {
  deps.clock.set(new Date(iso));
  return deps.clock.now();
};
const tick = (deps: RunDeps): Promise<number> => startDueTasks(deps).startDue(deps.clock.now());
const syncRunning = (deps: RunDeps, running: boolean): void => {
  deps.runs = { latest: () => Promise.resolve(running ? ({ status: 'running' } as never) : null) };
};

describe('the hourly tick starts due tasks (T3)', () => {
  it('starts an enabled task in its slot once, and skips disabled ones', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    addTask(deps, { name: 'Off', enabled: false }, 't2');
    at(deps, '2025-06-15T05:10:00Z');
    expect(await tick(deps)).toBe(1);
    expect(await tick(deps)).toBe(0);
    await drain(deps);
    at(deps, '2025-06-15T06:10:00Z');
    expect(await tick(deps)).toBe(0);
    expect(deps.tasks.history('t1').map((r) => [r.trigger, r.slotAt?.toISOString(), r.status])).toEqual([['schedule', '2025-06-15T05:00:00.000Z', 'succeeded']]);
    expect(deps.tasks.history('t2')).toEqual([]);
    expect(deps.directory.calls).toEqual(['disable u1']);
    at(deps, '2025-06-16T05:00:00Z');
    expect(await tick(deps)).toBe(1);
  });

  it('waits while a sync runs in the task hour, then records the run as skipped for the overlap', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    syncRunning(deps, true);
    at(deps, '2025-06-15T05:10:00Z');
    expect(await tick(deps)).toBe(0);
    expect(deps.tasks.history('t1')).toEqual([]);
    at(deps, '2025-06-15T05:55:00Z');
    expect(await tick(deps)).toBe(0);
    expect(deps.tasks.history('t1')).toEqual([]);
    at(deps, '2025-06-15T06:05:00Z');
    await tick(deps);
    expect(deps.tasks.history('t1').map((r) => [r.status, r.reason, r.slotAt?.toISOString()])).toEqual([['skipped', 'sync-overlap', '2025-06-15T05:00:00.000Z']]);
    expect(deps.notifier.sent.map((e) => [e.trigger, 'run' in e ? e.run.failureCode : null])).toEqual([['task-failed', 'sync-overlap']]);
    expect(deps.directory.calls).toEqual([]);
  });

  it('starts a task whose sync ended within the hour', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    syncRunning(deps, true);
    at(deps, '2025-06-15T05:05:00Z');
    await tick(deps);
    syncRunning(deps, false);
    at(deps, '2025-06-15T05:40:00Z');
    expect(await tick(deps)).toBe(1);
  });

  it('holds a started run while a sync runs, and finishes it once the sync has ended', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    at(deps, '2025-06-15T05:10:00Z');
    await tick(deps);
    syncRunning(deps, true);
    await drain(deps, 3);
    expect(deps.directory.calls).toEqual([]);
    expect(deps.tasks.history('t1')[0]?.status).toBe('running');
    syncRunning(deps, false);
    await drain(deps);
    expect(deps.directory.calls).toEqual(['disable u1']);
    expect(deps.tasks.history('t1')[0]?.status).toBe('succeeded');
  });

  it('a task created, or enabled again, after its run time today first runs at the next one', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    const created = addTask(deps, { schedule: { days: 'daily', hour: 9 } });
    deps.tasks.tasks.set('t1', { ...created, createdAt: new Date('2025-06-15T10:05:00Z'), updatedAt: new Date('2025-06-15T10:05:00Z') });
    const enabled = addTask(deps, { name: 'Again', schedule: { days: 'daily', hour: 9 } }, 't2');
    deps.tasks.tasks.set('t2', { ...enabled, updatedAt: new Date('2025-06-15T10:30:00Z') });
    at(deps, '2025-06-15T11:00:00Z');
    expect(await tick(deps)).toBe(0);
    expect(deps.tasks.history('t1')).toEqual([]);
    at(deps, '2025-06-16T09:05:00Z');
    expect(await tick(deps)).toBe(2);
  });

  it('runs in the site zone on a daylight-saving day: the hour that does not exist starts when the clock jumps to', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    deps.settings.settings = { ...defaultSettings(), sync: { hour: 12, timeZone: 'America/New_York' } };
    addTask(deps, { schedule: { days: 'daily', hour: 2 } });
    at(deps, '2025-03-09T06:30:00Z'); // 01:30 EST, before the jump
    expect(await tick(deps)).toBe(0);
    at(deps, '2025-03-09T07:05:00Z'); // 03:05 EDT
    expect(await tick(deps)).toBe(1);
    expect(deps.tasks.history('t1')[0]?.slotAt).toEqual(new Date('2025-03-09T07:00:00Z'));
  });

  it('heals a run whose slice was lost: the next tick after the stall pushes it again and it ends', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    const run = await startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: system }, deps);
    deps.queue.pending = [];
    deps.clock.advance(21 * 60 * 1000);
    await tick(deps);
    await drain(deps);
    expect((await deps.tasks.getRun(run.id))?.status).toBe('succeeded');
    expect(deps.directory.calls).toEqual(['disable u1']);
  });

  it('gives up a run whose planning keeps failing: failed with INTERNAL and task-failed, and the task can run again', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    const forRule = deps.candidates.forRule.bind(deps.candidates);
    deps.candidates.forRule = () => Promise.reject(new Error('storage unavailable'));
    const run = await startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: system }, deps);
    const statuses: string[] = [];
    for (let hour = 0; hour < 4; hour += 1) {
      await drain(deps).catch(() => null);
      deps.clock.advance(60 * 60 * 1000);
      await tick(deps);
      statuses.push((await deps.tasks.getRun(run.id))?.status ?? 'lost');
    }
    // Healed (pushed again) first, given up once it has planned for 5 stall periods of 20 minutes.
    expect(statuses).toEqual(['running', 'failed', 'failed', 'failed']);
    expect(await deps.tasks.getRun(run.id)).toMatchObject({ status: 'failed', reason: 'INTERNAL' });
    expect(deps.notifier.sent.map((e) => [e.trigger, 'run' in e ? e.run.failureCode : null])).toEqual([['task-failed', 'INTERNAL']]);
    deps.candidates.forRule = forRule;
    await drain(deps);
    expect((await runNow(deps)).status).toBe('succeeded');
  });
});
