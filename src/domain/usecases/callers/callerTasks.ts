import type { Caller } from '../../model/caller';
import { DomainError } from '../../model/errors';
import type { Task } from '../../model/task';
import type { TaskRun } from '../../model/taskRecords';
import type { ActionMethod } from '../../policy/actionEligibility';
import { evaluateTask } from '../tasks/evaluateTask';
import type { TaskPlanSummary } from '../tasks/planTask';
import { startTaskRun } from '../tasks/run/startTaskRun';
import type { TaskRunnerDeps } from '../tasks/runnerDeps';
import { MAX_USERS_PER_REQUEST } from './callerRequestSchema';

/** A user a dry run would change, with how. */
export interface DryRunChange {
  accountId: string;
  email: string | null;
  methods: (ActionMethod | 'notify')[];
}

/** A caller's answer about a task: the run it started, or its dry run (counts, and the first users it would change). */
export type CallerTaskAnswer =
  | { kind: 'task-started'; task: Pick<Task, 'id' | 'name'>; run: TaskRun }
  | { kind: 'task-dry-run'; task: Pick<Task, 'id' | 'name'>; summary: TaskPlanSummary; willChange: DryRunChange[]; truncated: boolean };

const unknownTask = (): DomainError =>
  new DomainError('NOT_FOUND', 'No such automated task', { rule: 'unknown-task', issues: [{ path: 'task', message: 'unknown-task' }] });

/** The task a caller names: by ID, else by name ignoring case when exactly one task has it. Deleted tasks are not found. */
const findTask = async (ref: string, deps: TaskRunnerDeps): Promise<Task> => {
  const byId = await deps.tasks.get(ref);
  if (byId !== null) {
    if (byId.deletedAt !== null) throw unknownTask();
    return byId;
  }
  const folded = ref.toLocaleLowerCase('en-US');
  const named = (await deps.tasks.list()).filter((t) => t.name.toLocaleLowerCase('en-US') === folded);
  const [only] = named;
  if (only === undefined) throw unknownTask();
  if (named.length > 1) {
    throw new DomainError('VALIDATION_FAILED', 'Several tasks have that name', { rule: 'task-name-ambiguous', issues: [{ path: 'task', message: 'task-name-ambiguous' }] });
  }
  return only;
};

/** S10 + T3: a caller starts a task's run; audited by the runner with the caller as actor. */
export const runTaskForCaller = async (caller: Caller, ref: string, deps: TaskRunnerDeps): Promise<CallerTaskAnswer> => {
  const task = await findTask(ref, deps);
  const run = await startTaskRun({ taskId: task.id, trigger: 'caller', slotAt: null, actor: { kind: 'caller', callerId: caller.id } }, deps);
  return { kind: 'task-started', task: { id: task.id, name: task.name }, run };
};

/** S10 + T2: a task's dry run now, over the synced copy; changes nothing. */
export const dryRunTaskForCaller = async (ref: string, deps: TaskRunnerDeps): Promise<CallerTaskAnswer> => {
  const task = await findTask(ref, deps);
  const plan = await evaluateTask(task, deps);
  const changing = plan.items.flatMap((item) => (item.decision === 'will-change' ? [item] : []));
  const shown = changing.slice(0, MAX_USERS_PER_REQUEST);
  const emails = new Map((await deps.users.getMany(shown.map((i) => i.accountId))).map((u) => [u.accountId, u.email]));
  return {
    kind: 'task-dry-run',
    task: { id: task.id, name: task.name },
    summary: plan.summary,
    willChange: shown.map((i) => ({ accountId: i.accountId, email: emails.get(i.accountId) ?? null, methods: i.changes.map((c) => c.method) })),
    truncated: changing.length > shown.length,
  };
};
