import { startTaskRun } from '../../../../../src/domain/usecases/tasks/run/startTaskRun';
import { runDying } from './crashSupport';
import { addTask, jiraUser, runDeps, system, type RunDeps } from './runSupport';

const DAY = 24 * 60 * 60 * 1000;
const scenario = async (noticeDays: number) => {
  const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60, { managed: false }), jiraUser('u3', 60, { email: 'boss@vip.test' }), jiraUser('u4', 3)]);
  addTask(deps, { noticeDays });
  if (noticeDays > 0) {
    await startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: system }, deps);
    await runDying(deps, 0, false);
    deps.clock.advance(noticeDays * DAY);
  }
  const run = await startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: system }, deps);
  return { deps, run };
};

/** Results, audit, synced copy, notices and the run's counts agree, and every change was made once. */
const expectConsistent = async (deps: RunDeps, runId: string): Promise<void> => {
  const run = await deps.tasks.getRun(runId);
  expect(run?.status).toBe('succeeded');
  expect(deps.directory.calls.filter((c) => c.startsWith('disable') || c.startsWith('suspend')).sort()).toEqual(['disable u1', 'suspend dir-1 u2']);
  const results = run?.jobId ? (await deps.jobs.results(run.jobId, 100, null)).items : [];
  expect(results.map((r) => [r.accountId, r.outcome])).toEqual([
    ['u1', 'succeeded'],
    ['u2', 'succeeded'],
  ]);
  const items = deps.audit.list.filter((e) => e.jobId === run?.jobId && e.targetAccountId !== null);
  expect(items.map((e) => [e.targetAccountId, e.outcome]).sort()).toEqual(results.map((r) => [r.accountId, r.outcome]));
  expect(deps.users.rows.get('u1')?.accountStatus).toBe('inactive');
  expect(deps.users.rows.get('u2')?.membershipStatus).toBe('suspended');
  expect(run?.counts).toMatchObject({ changed: 2, failed: 0 });
  expect(deps.notices.rows).toEqual([]);
  const outcomes = new Set(deps.notifier.sent.filter((e) => e.key === `task-run:${runId}`).map((e) => e.trigger));
  expect(outcomes).toEqual(new Set(['task-succeeded']));
  expect(deps.audit.list.filter((e) => e.id === `task-run:${runId}`)).toHaveLength(1);
};

describe('a run survives the process dying at any call (at-least-once delivery)', () => {
  it.each([0, 1])('with a notice of %i days: before or after each call lands, everything agrees and each change is made once', async (noticeDays) => {
    const clean = await scenario(noticeDays);
    const calls = await runDying(clean.deps, 0, false);
    await expectConsistent(clean.deps, clean.run.id);
    expect(calls).toBeGreaterThan(20);
    for (let dieAt = 1; dieAt <= calls; dieAt += 1) {
      for (const landed of [false, true]) {
        const { deps, run } = await scenario(noticeDays);
        await runDying(deps, dieAt, landed);
        await expectConsistent(deps, run.id);
      }
    }
  }, 60_000);
});
