import { DomainError } from '../../../model/errors';
import { definitionOf, type Task, type TaskDefinition } from '../../../model/task';
import type { ManageTasksDeps } from './deps';

/** A task as the screen shows it: its definition, identity and times, and the names of the groups its filter names. */
export interface TaskView extends TaskDefinition {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  /** By group ID; a group no longer synced is absent. */
  groupNames: Record<string, string>;
}


/** The views of `tasks`, with one read of the group names they all need. */
export const taskViews = async (tasks: readonly Task[], deps: Pick<ManageTasksDeps, 'groups'>): Promise<TaskView[]> => {
  const ids = [...new Set(tasks.flatMap((t) => [...t.filter.includeGroupIds, ...t.filter.excludeGroupIds]))];
  const groups = ids.length === 0 ? [] : await deps.groups.getMany(ids);
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return tasks.map((task) => {
    const named = [...task.filter.includeGroupIds, ...task.filter.excludeGroupIds].flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [[id, name] as const];
    });
    return { ...definitionOf(task), id: task.id, createdAt: task.createdAt, updatedAt: task.updatedAt, groupNames: Object.fromEntries(named) };
  });
};

/** The view of one task. */
export const taskView = async (task: Task, deps: Pick<ManageTasksDeps, 'groups'>): Promise<TaskView> => {
  const [view] = await taskViews([task], deps);
  if (view === undefined) throw new DomainError('INTERNAL', 'A task has a view');
  return view;
};
