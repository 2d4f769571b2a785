import { startTaskRun } from '../../../../../src/domain/usecases/tasks/run/startTaskRun';
import { SYNC_WAIT_SECONDS } from '../../../../../src/domain/usecases/tasks/run/runTaskSlice';
import { addTask, drain, jiraUser, runDeps, setSyncRunning, system } from './runSupport';

const users = () => [jiraUser('u1', 60), jiraUser('u2', 60)];

describe('a run and a sync never overlap (T3)', () => {
  it('a sync started before the run plans (Sync now): the run waits on the queue, then plans and acts after the sync', async () => {
    const deps = runDeps(users());
    addTask(deps);
    const run = await startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: system }, deps);
    setSyncRunning(deps, true);
    const waited = await drain(deps, 4);
    expect(waited).toEqual(Array.from({ length: 4 }, () => ({ kind: 'continued', slice: 0, delaySeconds: SYNC_WAIT_SECONDS })));
    expect(await deps.jobs.recent(10)).toEqual([]);
    expect(deps.directory.calls).toEqual([]);
    expect((await deps.tasks.getRun(run.id))?.status).toBe('running');
    setSyncRunning(deps, false);
    await drain(deps);
    expect((await deps.tasks.getRun(run.id))?.status).toBe('succeeded');
    expect(deps.directory.calls).toEqual(['disable u1', 'disable u2']);
  });

  it('a run still acting when a sync starts changes nobody more until the sync has ended', async () => {
    const deps = runDeps(users());
    addTask(deps);
    const run = await startTaskRun({ taskId: 't1', trigger: 'schedule', slotAt: deps.clock.now(), actor: system }, deps);
    await drain(deps, 1);
    expect((await deps.tasks.getRun(run.id))?.jobId).not.toBeNull();
    setSyncRunning(deps, true);
    await drain(deps, 3);
    expect(deps.directory.calls).toEqual([]);
    expect(deps.queue.pending.map((q) => q.delaySeconds)).toEqual([SYNC_WAIT_SECONDS]);
    setSyncRunning(deps, false);
    await drain(deps);
    expect(deps.directory.calls).toEqual(['disable u1', 'disable u2']);
    expect((await deps.tasks.getRun(run.id))?.status).toBe('succeeded');
  });
});
