import type { Task, TaskDefinition } from '../../../../../src/domain/model/task';
import type { User } from '../../../../../src/domain/model/user';
import type { TaskRunnerDeps } from '../../../../../src/domain/usecases/tasks/runnerDeps';
import { runTaskSlice, type TaskSliceOutcome } from '../../../../../src/domain/usecases/tasks/run/runTaskSlice';
import { startTaskRun } from '../../../../../src/domain/usecases/tasks/run/startTaskRun';
import { FakeNotifier } from '../../fakes';
import { access, aUser, daysAgo } from '../../fixtures';
import { bulkDeps, plenty, type TestDeps } from '../../usecases/bulkSupport';
import { aTask } from '../taskSupport';
import { AllUsersCandidates, FakeTaskNoticeRepository, FakeTaskProposalRepository, FakeTaskRepository, LiveActivity } from './taskFakes';

export type RunDeps = TestDeps &
  TaskRunnerDeps & { tasks: FakeTaskRepository; notices: FakeTaskNoticeRepository; proposals: FakeTaskProposalRepository; notifier: FakeNotifier; activity: LiveActivity };

export const admin = { kind: 'admin' as const, accountId: 'me' };
export const system = { kind: 'system' as const };

/** A managed user with Jira last used `days` ago, named after the account. */
export const jiraUser = (accountId: string, days: number, overrides: Partial<User> = {}): User =>
  aUser({ accountId, name: `Name ${accountId}`, email: `${accountId}@example.com`, productAccess: [access('jira-software', daysAgo(days))], ...overrides });

/** Bulk's fakes (synced copy and live directory start equal) with the task stores, a notifier and the live activity. */
export const runDeps = (users: User[]): RunDeps => {
  const base = bulkDeps(users);
  return {
    ...base,
    tasks: new FakeTaskRepository(),
    notices: new FakeTaskNoticeRepository(),
    proposals: new FakeTaskProposalRepository(),
    candidates: new AllUsersCandidates(() => users.flatMap((u) => base.users.rows.get(u.accountId) ?? [])),
    activity: new LiveActivity(base.directory.live, () => base.directory.calls.length),
    notifier: new FakeNotifier(),
  };
};

/** Whether a sync is running, as the task runner reads it (the latest sync run). */
export const setSyncRunning = (deps: RunDeps, running: boolean): void => {
  deps.runs = { latest: () => Promise.resolve(running ? ({ status: 'running' } as never) : null) };
};

/** When the tasks of these tests were created and last saved: before any run time they test. */
export const SAVED_AT = new Date('2025-01-01T00:00:00Z');

/** Stores a task (id `t1` unless told), saved at SAVED_AT. */
export const addTask = (deps: RunDeps, overrides: Partial<TaskDefinition> = {}, id = 't1'): Task => {
  const task: Task = { ...aTask(overrides), id, createdAt: SAVED_AT, updatedAt: SAVED_AT, createdBy: 'me', deletedAt: null };
  deps.tasks.tasks.set(id, task);
  return task;
};

/** Delivers queued task-run messages until none is left (or `max`); answers each slice's outcome. */
export const drain = async (deps: RunDeps, max = 50): Promise<TaskSliceOutcome[]> => {
  const outcomes: TaskSliceOutcome[] = [];
  for (let i = 0; i < max; i += 1) {
    const next = deps.queue.takeNext();
    if (next === undefined) return outcomes;
    if (next.message.kind !== 'task-run') continue;
    deps.clock.set(new Date(Math.max(deps.clock.now().getTime(), next.availableAt)));
    outcomes.push(await runTaskSlice(next.message, plenty, deps));
  }
  return outcomes;
};

/** Starts a manual run of `t1` and runs it to its end; answers the run as stored. */
export const runNow = async (deps: RunDeps, taskId = 't1') => {
  const run = await startTaskRun({ taskId, trigger: 'manual', slotAt: null, actor: admin }, deps);
  await drain(deps);
  const stored = await deps.tasks.getRun(run.id);
  if (stored === null) throw new Error('run lost');
  return stored;
};
