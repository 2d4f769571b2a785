import type { AuditActor } from '../../../model/audit';
import { DomainError } from '../../../model/errors';
import { definitionOf, type Task, type TaskDefinition } from '../../../model/task';
import { validateTask, type TaskWarning } from '../validateTask';
import type { ManageTasksDeps } from './deps';
import { auditTaskChange, changedFields } from './taskAudit';
import { taskView, type TaskView } from './taskView';

/** A task as saved, with what is allowed but worth a second look (a run right after a large org's sync). */
export interface SavedTask {
  task: TaskView;
  warnings: TaskWarning[];
}

/** Fields whose change makes earlier announcements wrong: the users were told of another rule, change or notice. */
const NOTICE_FIELDS = ['rule', 'action', 'noticeDays'];

/** Validates a definition against the site as it is now: its sync hour and its size. */
export const checkDefinition = async (input: unknown, deps: Pick<ManageTasksDeps, 'settings' | 'users'>): Promise<{ task: TaskDefinition; warnings: TaskWarning[] }> => {
  const [settings, userCount] = await Promise.all([deps.settings.load(), deps.users.count()]);
  return validateTask(input, { syncHour: settings.sync.hour, userCount });
};

/** A task that exists and is not deleted; NOT_FOUND otherwise. */
export const liveTask = async (id: string, deps: Pick<ManageTasksDeps, 'tasks'>): Promise<Task> => {
  const task = await deps.tasks.get(id);
  if (task === null || task.deletedAt !== null) throw new DomainError('NOT_FOUND', 'No such task', { taskId: id });
  return task;
};

/** Stores a new version of a task (CONFLICT when it moved on since `expected`) and clears notices it made wrong. */
export const storeVersion = async (before: Task, after: Task, expected: Date, deps: ManageTasksDeps): Promise<string[]> => {
  const changed = changedFields(definitionOf(before), definitionOf(after));
  if (changed.length === 0) return changed;
  await deps.tasks.save(after, expected);
  if (changed.some((f) => NOTICE_FIELDS.includes(f)) || !after.enabled) await deps.notices.clearTask(after.id);
  return changed;
};

/**
 * T4: creates a task (`id` null) or replaces one. The definition is validated as a whole (validateTask: ranges,
 * combinations, the sync slot refused); on any problem VALIDATION_FAILED and nothing is saved. An edit needs the
 * `updatedAt` the editor loaded: CONFLICT when someone saved the task since. A change of rule, action or notice
 * period (or disabling) clears the task's notices, so nobody is changed on an announcement of something else.
 * Audited as `task.update` with the fields changed; saving an unchanged task changes and audits nothing.
 */
export const saveTask = async (
  request: { id: string | null; expectedUpdatedAt: Date | null; task: unknown },
  actor: AuditActor,
  deps: ManageTasksDeps,
): Promise<SavedTask> => {
  const { task: definition, warnings } = await checkDefinition(request.task, deps);
  const now = deps.clock.now();
  if (request.id === null) {
    const created: Task = { ...definition, id: deps.ids.next(), createdAt: now, updatedAt: now, createdBy: actor.kind === 'admin' ? actor.accountId : null, deletedAt: null };
    await deps.tasks.save(created, null);
    await auditTaskChange(created, 'create', actor, deps);
    return { task: await taskView(created, deps), warnings };
  }
  const before = await liveTask(request.id, deps);
  const after: Task = { ...before, ...definition, updatedAt: now };
  const changed = await storeVersion(before, after, request.expectedUpdatedAt ?? before.updatedAt, deps);
  if (changed.length === 0) return { task: await taskView(before, deps), warnings };
  await auditTaskChange(after, 'edit', actor, deps, { fields: changed.join(',') });
  return { task: await taskView(after, deps), warnings };
};
