import { resolverKeys } from '../../contract';
import { listTasks } from '../../domain/usecases/tasks/manage/listTasks';
import { saveTask } from '../../domain/usecases/tasks/manage/saveTask';
import { deleteTask, duplicateTask, getTask, setTaskEnabled } from '../../domain/usecases/tasks/manage/taskLifecycle';
import { adminActor, define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

const dateOrNull = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/** Automated tasks tab (T4): the list, the editor's load and save, duplicate, enable / disable, delete. */
export const tasksResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.tasksList, 'app', () => listTasks(deps)),
  ...define(deps, resolverKeys.tasksGet, 'app', ({ payload }) => getTask(payload.id, deps)),
  ...define(deps, resolverKeys.tasksSave, 'app', ({ payload, accountId }) =>
    saveTask({ id: payload.id, expectedUpdatedAt: dateOrNull(payload.expectedUpdatedAt), task: payload.task }, adminActor(accountId), deps),
  ),
  ...define(deps, resolverKeys.tasksDuplicate, 'app', ({ payload, accountId }) => duplicateTask(payload, adminActor(accountId), deps)),
  ...define(deps, resolverKeys.tasksSetEnabled, 'app', ({ payload, accountId }) => setTaskEnabled(payload, adminActor(accountId), deps)),
  ...define(deps, resolverKeys.tasksDelete, 'app', ({ payload, accountId }) => deleteTask(payload.id, adminActor(accountId), deps)),
});
