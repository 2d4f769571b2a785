import { healStalledJobs } from '../../../../../src/domain/usecases/bulk/healStalledJobs';
import { startDueTasks } from '../../../../../src/domain/usecases/tasks/run/startDueTasks';
import { runTaskSlice } from '../../../../../src/domain/usecases/tasks/run/runTaskSlice';
import { startTaskRun } from '../../../../../src/domain/usecases/tasks/run/startTaskRun';
import { plenty } from '../../usecases/bulkSupport';
import { addTask, jiraUser, runDeps, system, type RunDeps } from './runSupport';

const DAY = 24 * 60 * 60 * 1000;
const PORTS = ['tasks', 'notices', 'proposals', 'jobs', 'audit', 'users', 'directory', 'notifier', 'queue', 'lock', 'activity', 'candidates', 'settings'] as const;

/** The process of one slice: counts port calls; at call `dieAt` it dies (before or after the call lands) and every later call fails. */
class Power {
  calls = 0;
  dead = false;
  constructor(public dieAt: number, public landed: boolean) {}
  async call<T>(run: () => Promise<T>): Promise<T> {
    if (this.dead) throw new Error('process died');
    this.calls += 1;
    if (this.calls !== this.dieAt) return run();
    this.dead = true;
    if (this.landed) await run();
    throw new Error('process died');
  }
}

const wrapped = (deps: RunDeps, power: Power): RunDeps => {
  const out: Record<string, unknown> = { ...deps };
  for (const name of PORTS) {
    const port = deps[name] as object;
    out[name] = new Proxy(port, {
      get: (target, prop) => {
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => power.call(() => Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args)));
      },
    });
  }
  return out as unknown as RunDeps;
};

/** Delivers slices with the process dying once at call `dieAt`; a died slice is delivered again, and the hourly tick heals what is left. */
const runDying = async (deps: RunDeps, dieAt: number, landed: boolean): Promise<number> => {
  const power = new Power(dieAt, landed);
  for (let round = 0; round < 200; round += 1) {
    const next = deps.queue.takeNext();
    if (next === undefined) {
      if ((await deps.tasks.runsWithStatus(['running'], 10)).length === 0) return power.calls;
      deps.clock.advance(21 * 60 * 1000);
      await healStalledJobs(deps);
      await startDueTasks(deps).startDue(deps.clock.now());
      continue;
    }
    if (next.message.kind !== 'task-run') continue;
    deps.clock.set(new Date(Math.max(deps.clock.now().getTime(), next.availableAt)));
    // A death that the code caught is a death all the same: the rest of the slice never ran.
    await runTaskSlice(next.message, plenty, wrapped(deps, power)).catch(() => null);
    if (power.dead) {
      power.dead = false;
      deps.queue.pending.push({ ...next, availableAt: deps.clock.now().getTime() + 60_000 });
    }
  }
  throw new Error('the run never ended');
};

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
