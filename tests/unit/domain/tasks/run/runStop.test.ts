import { startTaskRun } from '../../../../../src/domain/usecases/tasks/run/startTaskRun';
import { addTask, drain, jiraUser, runDeps, runNow, system, type RunDeps } from './runSupport';

/** Three matching users, changed one per slice, and a manual run of `t1` that has planned and changed the first. */
const underWay = async () => {
  const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60), jiraUser('u3', 60)]);
  deps.limits = { itemsPerSlice: 1, batchSize: 1 };
  addTask(deps);
  const run = await startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: system }, deps);
  await drain(deps, 2);
  expect(deps.directory.calls).toEqual(['disable u1']);
  return { deps, runId: run.id };
};

const expectStopped = async (deps: RunDeps, runId: string, reason: string): Promise<void> => {
  await drain(deps);
  expect(deps.directory.calls).toEqual(['disable u1']);
  const run = await deps.tasks.getRun(runId);
  expect(run).toMatchObject({ status: 'partially-failed', reason, counts: { changed: 1, skipped: 2 } });
  const results = run?.jobId ? (await deps.jobs.results(run.jobId, 10, null)).items : [];
  expect(results.map((r) => [r.accountId, r.outcome, r.reason])).toEqual([
    ['u1', 'succeeded', null],
    ['u2', 'skipped', reason],
    ['u3', 'skipped', reason],
  ]);
  expect(deps.audit.list.filter((e) => e.targetAccountId !== null).map((e) => [e.targetAccountId, e.outcome])).toEqual([
    ['u1', 'succeeded'],
    ['u2', 'skipped'],
    ['u3', 'skipped'],
  ]);
  expect(deps.notifier.sent.map((e) => [e.trigger, 'run' in e ? e.run.failureCode : null])).toEqual([['task-failed', reason]]);
};

describe('deleting or turning off a task stops its run (T4)', () => {
  it('a deleted task changes nobody more: the rest is skipped and the run ends with task-deleted', async () => {
    const { deps, runId } = await underWay();
    await deps.tasks.markDeleted('t1', deps.clock.now());
    await expectStopped(deps, runId, 'task-deleted');
  });

  it('a task turned off while it runs stops the same way; a Run now of a task already off goes on', async () => {
    const { deps, runId } = await underWay();
    const task = deps.tasks.tasks.get('t1');
    if (task === undefined) throw new Error('no task');
    deps.clock.advance(1000);
    deps.tasks.tasks.set('t1', { ...task, enabled: false, updatedAt: deps.clock.now() });
    await expectStopped(deps, runId, 'task-disabled');
    deps.clock.advance(1000);
    deps.directory.calls.length = 0;
    expect((await runNow(deps)).status).toBe('succeeded');
    expect(deps.directory.calls).toEqual(['disable u2', 'disable u3']);
  });
});
