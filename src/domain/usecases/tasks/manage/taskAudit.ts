import type { AuditActor } from '../../../model/audit';
import type { Task, TaskDefinition } from '../../../model/task';
import { appChangeEntry } from '../../audit/appChangeEntry';
import type { ManageTasksDeps } from './deps';

/** What happened to a task, as its `task.update` audit entry says (`details.change`). */
export type TaskChangeKind = 'create' | 'edit' | 'duplicate' | 'enable' | 'disable' | 'delete';

const fields = ['name', 'enabled', 'rule', 'filter', 'action', 'schedule', 'noticeDays', 'safetyCap'] as const satisfies readonly (keyof TaskDefinition)[];

/** The definition fields that differ between two versions of a task, in a fixed order. */
export const changedFields = (before: TaskDefinition, after: TaskDefinition): string[] =>
  fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));

/** Appends the `task.update` entry of a change: the task's ID and name, the kind of change, the fields and facts; no personal data. */
export const auditTaskChange = async (
  task: Pick<Task, 'id' | 'name'>,
  change: TaskChangeKind,
  actor: AuditActor,
  deps: Pick<ManageTasksDeps, 'audit' | 'ids' | 'clock'>,
  extra: Record<string, string | number> = {},
): Promise<void> => {
  await deps.audit.append([appChangeEntry('task.update', actor, { taskId: task.id, taskName: task.name, change, ...extra }, deps)]);
};
