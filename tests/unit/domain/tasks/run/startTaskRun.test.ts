import { startTaskRun } from '../../../../../src/domain/usecases/tasks/run/startTaskRun';
import { addTask, admin, drain, jiraUser, runDeps, runNow } from './runSupport';

describe('startTaskRun (T3, T4)', () => {
  it('records a running run, audits who started it and pushes its first slice', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    const run = await startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: admin }, deps);
    expect(run).toMatchObject({ taskId: 't1', trigger: 'manual', status: 'running', jobId: null });
    expect(deps.queue.pushed.map((p) => p.message)).toEqual([{ kind: 'task-run', taskId: 't1', runId: run.id, slice: 0 }]);
    expect(deps.audit.list.map((e) => [e.action, e.actor, e.details.event])).toEqual([['task.run', admin, 'started']]);
  });

  it('refuses an unknown or deleted task, a missing API key, a running sync and a second run of the task', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    const task = addTask(deps);
    const start = () => startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: admin }, deps);
    await expect(startTaskRun({ taskId: 'nope', trigger: 'manual', slotAt: null, actor: admin }, deps)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    deps.secrets.key = null;
    await expect(start()).rejects.toMatchObject({ code: 'API_KEY_MISSING' });
    deps.secrets.key = { orgId: 'org-1', orgName: 'Org', lastFour: 'abcd', expiresAt: null, expirySource: null };
    deps.runs = { latest: () => Promise.resolve({ status: 'running' } as never) };
    await expect(start()).rejects.toMatchObject({ code: 'LOCK_HELD' });
    deps.runs = { latest: () => Promise.resolve(null) };
    await start();
    await expect(start()).rejects.toMatchObject({ code: 'LOCK_HELD' });
    await drain(deps);
    await start();
    deps.tasks.tasks.set('t1', { ...task, deletedAt: new Date() });
    await expect(start()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('starts a scheduled slot once: a second start for the slot answers the first run', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps);
    const slotAt = new Date('2025-06-15T05:00:00Z');
    const first = await startTaskRun({ taskId: 't1', trigger: 'schedule', slotAt, actor: { kind: 'system' } }, deps);
    await drain(deps);
    const again = await startTaskRun({ taskId: 't1', trigger: 'schedule', slotAt, actor: { kind: 'system' } }, deps);
    expect(again.id).toBe(first.id);
    expect(deps.queue.pushed.filter((p) => p.message.kind === 'task-run' && p.message.slice === 0)).toHaveLength(1);
  });

  it('runs a deactivation through the bulk executor with the task as actor', async () => {
    const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 5), jiraUser('u3', 60, { managed: false })]);
    addTask(deps);
    const run = await runNow(deps);
    expect(run).toMatchObject({ status: 'succeeded', counts: { matched: 2, changed: 2, failed: 0 }, jobId: `${run.id}:p0` });
    expect(deps.directory.calls).toEqual(['disable u1', 'suspend dir-1 u3']);
    const items = deps.audit.list.filter((e) => e.targetAccountId !== null);
    expect(items.map((e) => [e.targetAccountId, e.action, e.outcome, e.actor])).toEqual([
      ['u1', 'user.deactivate', 'succeeded', { kind: 'task', taskId: 't1' }],
      ['u3', 'user.suspend', 'succeeded', { kind: 'task', taskId: 't1' }],
    ]);
    expect(deps.notifier.sent.map((e) => e.trigger)).toEqual(['task-succeeded']);
    expect(await deps.jobs.get(`${run.id}:p0`)).toMatchObject({ kind: 'task-run', status: 'succeeded', succeeded: 2 });
  });
});
