import type { AuditActor } from '../../../model/audit';
import { DomainError } from '../../../model/errors';
import { definitionOf, type Task } from '../../../model/task';
import type { ManageTasksDeps } from './deps';
import { checkDefinition, liveTask, storeVersion, type SavedTask } from './saveTask';
import { auditTaskChange } from './taskAudit';
import { taskView, type TaskView } from './taskView';

/**
 * Most pending proposals a deletion looks through, newest first (the store's largest page). A task proposes at most
 * once a run and a proposal lives 7 days, so a task's own are among them unless hundreds wait; any beyond expire.
 */
const PENDING_PROPOSALS_READ = 200;

/** T4: one task as the editor loads it; NOT_FOUND when deleted or unknown. */
export const getTask = async (id: string, deps: ManageTasksDeps): Promise<TaskView> => taskView(await liveTask(id, deps), deps);

/**
 * T4: a copy of a task under `name`, validated like a new task. The copy starts disabled, so that it never runs
 * beside its original before the admin has changed it. Audited as `task.update` (`duplicate`, with the original).
 */
export const duplicateTask = async (request: { id: string; name: string }, actor: AuditActor, deps: ManageTasksDeps): Promise<SavedTask> => {
  const original = await liveTask(request.id, deps);
  const { task: definition, warnings } = await checkDefinition({ ...definitionOf(original), name: request.name, enabled: false }, deps);
  const now = deps.clock.now();
  const copy: Task = { ...definition, id: deps.ids.next(), createdAt: now, updatedAt: now, createdBy: actor.kind === 'admin' ? actor.accountId : null, deletedAt: null };
  await deps.tasks.save(copy, null);
  await auditTaskChange(copy, 'duplicate', actor, deps, { fromTaskId: original.id });
  return { task: await taskView(copy, deps), warnings };
};

/**
 * T4: enables or disables a task. Enabling checks the task again (the sync hour may have moved onto its slot since);
 * disabling clears its notices, so a task enabled again announces afresh instead of acting on old announcements.
 * Audited as `task.update` (`enable` / `disable`); setting the state it already has changes nothing.
 */
export const setTaskEnabled = async (request: { id: string; enabled: boolean }, actor: AuditActor, deps: ManageTasksDeps): Promise<SavedTask> => {
  const before = await liveTask(request.id, deps);
  // Only enabling is checked: a task the settings have since made invalid can always be stopped.
  const { warnings } = request.enabled ? await checkDefinition({ ...definitionOf(before), enabled: true }, deps) : { warnings: [] };
  const after: Task = { ...before, enabled: request.enabled, updatedAt: deps.clock.now() };
  const changed = await storeVersion(before, after, before.updatedAt, deps);
  if (changed.length === 0) return { task: await taskView(before, deps), warnings };
  await auditTaskChange(after, request.enabled ? 'enable' : 'disable', actor, deps);
  return { task: await taskView(after, deps), warnings };
};

/**
 * T4: deletes a task. Its record, run history and audit stay readable; it is no longer listed nor run. Its notices
 * are cleared and its pending proposals rejected (by the deleting admin), so nothing the task planned can still act.
 * Audited once as `task.update` (`delete`, with the proposals rejected); deleting again only repeats the clean-up.
 */
export const deleteTask = async (id: string, actor: AuditActor, deps: ManageTasksDeps): Promise<{ deleted: true }> => {
  const task = await deps.tasks.get(id);
  if (task === null) throw new DomainError('NOT_FOUND', 'No such task', { taskId: id });
  const now = deps.clock.now();
  await deps.notices.clearTask(id);
  const pending = (await deps.proposals.list('pending', PENDING_PROPOSALS_READ)).filter((p) => p.taskId === id);
  const decided = await Promise.all(pending.map((p) => deps.proposals.decide(p.id, { status: 'rejected', by: actor, at: now, jobId: null }, now)));
  if (task.deletedAt !== null) return { deleted: true };
  await deps.tasks.markDeleted(id, now);
  await auditTaskChange(task, 'delete', actor, deps, { proposalsRejected: decided.filter((p) => p !== null).length });
  return { deleted: true };
};
