import type { TaskRunStatus } from '../../../model/taskRecords';
import { nextTaskRuns, type SiteClock } from '../../../policy/taskSchedule';
import type { ManageTasksDeps } from './deps';
import { taskViews, type TaskView } from './taskView';

/** One line of the task list: the task, its next run (null while disabled) and how its latest run ended. */
export interface TaskListItem extends TaskView {
  nextRunAt: Date | null;
  lastRun: { status: TaskRunStatus; reason: string | null; startedAt: Date; finishedAt: Date | null } | null;
}

/** The site's clock as schedules read it: the sync settings' time zone and hour. */
export const siteClockOf = async (deps: Pick<ManageTasksDeps, 'settings'>): Promise<SiteClock> => {
  const { sync } = await deps.settings.load();
  return { timeZone: sync.timeZone, syncHour: sync.hour };
};

/**
 * T4: every task not deleted, by name, with its next run time in the site's zone (as the hourly tick will start it)
 * and its latest run's outcome; with the site's zone and sync hour the screen shows schedules in.
 */
export const listTasks = async (
  deps: Pick<ManageTasksDeps, 'tasks' | 'settings' | 'groups' | 'clock'>,
): Promise<{ timeZone: string; syncHour: number; items: TaskListItem[] }> => {
  const [site, tasks] = await Promise.all([siteClockOf(deps), deps.tasks.list()]);
  const [views, latest] = await Promise.all([taskViews(tasks, deps), deps.tasks.latestRuns(tasks.map((t) => t.id))]);
  const now = deps.clock.now();
  const items = views.map((view): TaskListItem => {
    const run = latest.get(view.id);
    return {
      ...view,
      nextRunAt: view.enabled ? (nextTaskRuns(view.schedule, site, now)[0] ?? null) : null,
      lastRun: run === undefined ? null : { status: run.status, reason: run.reason, startedAt: run.startedAt, finishedAt: run.finishedAt },
    };
  });
  return { ...site, items };
};
