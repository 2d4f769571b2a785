import type { Caller } from '../../../../src/domain/model/caller';
import { handleCallerRequest, type CallerRequestDeps } from '../../../../src/domain/usecases/callers/handleCallerRequest';
import { createCaller } from '../../../../src/domain/usecases/callers/manageCallers';
import { FakeCallerRepository, FakeCallerTokens, FakeProductRepository, FakeRequestCounter } from '../fakes';
import { daysAgo } from '../fixtures';
import { addTask, drain, jiraUser, runDeps } from '../tasks/run/runSupport';
import { admin } from './bulkSupport';

/** S10 + T2/T3: a caller allowed to starts an automated task's run or dry run through the web trigger. */
const users = () => [jiraUser('u-idle', 200), jiraUser('u-busy', 1), jiraUser('u-vip', 300, { email: 'boss@vip.test' })];

const setup = async (actions: Caller['actions']) => {
  const tasks = runDeps(users());
  addTask(tasks, { name: 'Quarterly clean-up' }, 't-1');
  addTask(tasks, { name: 'Twin' }, 't-2');
  addTask(tasks, { name: 'twin' }, 't-3');
  const gone = addTask(tasks, { name: 'Gone' }, 't-4');
  tasks.tasks.tasks.set('t-4', { ...gone, deletedAt: daysAgo(1) });
  const deps = {
    ...tasks, callers: new FakeCallerRepository(), tokens: new FakeCallerTokens(), counter: new FakeRequestCounter(), lookup: tasks.users,
    products: new FakeProductRepository(), automatedTasks: tasks,
  } satisfies CallerRequestDeps;
  const { caller, token } = await createCaller({ name: 'Nightly', actions }, admin, deps);
  return { deps, caller, token, tasks };
};

const refusal = async (promise: Promise<unknown>): Promise<unknown> => promise.then(() => 'no refusal', (error: unknown) => error);

describe('automated tasks through the web trigger', () => {
  it('starts a task\'s run by ID or by its name, audited with the caller as who started it', async () => {
    const { deps, caller, token, tasks } = await setup(['task-run']);
    const byId = await handleCallerRequest(token, { action: 'task-run', task: 't-1' }, deps);
    expect(byId).toMatchObject({ kind: 'task-started', task: { id: 't-1', name: 'Quarterly clean-up' }, run: { taskId: 't-1', trigger: 'caller', status: 'running' } });
    await drain(tasks);
    const byName = await handleCallerRequest(token, { action: 'task-run', task: ' QUARTERLY clean-up ' }, deps);
    expect(byName).toMatchObject({ kind: 'task-started', task: { id: 't-1' }, run: { trigger: 'caller' } });
    const starts = tasks.audit.list.filter((e) => e.action === 'task.run' && e.details.event === 'started');
    expect(starts.map((e) => e.actor)).toEqual([{ kind: 'caller', callerId: caller.id }, { kind: 'caller', callerId: caller.id }]);
    expect(tasks.directory.calls).toEqual(['disable u-idle']);
  });

  it('dry-runs a task: counts by reason and the users it would change, with nothing changed or started', async () => {
    const { deps, token, tasks } = await setup(['task-dry-run']);
    const answer = await handleCallerRequest(token, { action: 'task-dry-run', task: 't-1' }, deps);
    expect(answer).toEqual({
      kind: 'task-dry-run',
      task: { id: 't-1', name: 'Quarterly clean-up' },
      summary: { total: 3, keepSeat: 0, willChange: 1, skipped: 2, byMethod: { 'lifecycle-disable': 1 }, skippedByReason: { protected: 1, 'not-inactive-enough': 1 } },
      willChange: [{ accountId: 'u-idle', email: 'u-idle@example.com', methods: ['lifecycle-disable'] }],
      truncated: false,
    });
    expect(tasks.queue.pushed).toEqual([]);
    expect(tasks.directory.calls).toEqual([]);
    expect(tasks.audit.list.filter((e) => e.action !== 'caller.create')).toEqual([]);
  });

  it('refuses what the caller may not ask, a task it cannot find, and a name two tasks share', async () => {
    const { deps, token, tasks } = await setup(['task-dry-run']);
    expect(await refusal(handleCallerRequest(token, { action: 'task-run', task: 't-1' }, deps))).toMatchObject({ code: 'FORBIDDEN' });
    for (const task of ['t-404', 'Gone', 't-4']) {
      expect(await refusal(handleCallerRequest(token, { action: 'task-dry-run', task }, deps))).toMatchObject({ code: 'NOT_FOUND', details: { rule: 'unknown-task' } });
    }
    expect(await refusal(handleCallerRequest(token, { action: 'task-dry-run', task: 'TWIN' }, deps))).toMatchObject({
      code: 'VALIDATION_FAILED', details: { rule: 'task-name-ambiguous' },
    });
    expect(await refusal(handleCallerRequest(token, { action: 'task-dry-run', task: '' }, deps))).toMatchObject({ name: 'ZodError' });
    expect(tasks.queue.pushed).toEqual([]);
  });
});
