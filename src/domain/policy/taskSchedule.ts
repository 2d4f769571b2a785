import { DomainError } from '../model/errors';
import type { TaskSchedule } from '../model/task';
import { CATCH_UP_HOURS, localDateOf, slotStartOn, type LocalDate } from './timeSlot';

/** The site's clock as a task schedule sees it: its time zone and the hour of the daily sync. */
export interface SiteClock {
  timeZone: string;
  syncHour: number;
}

const HOUR_MS = 60 * 60 * 1000;

const toUtcMidnight = (date: LocalDate): number => Date.UTC(date.year, date.month - 1, date.day);

/** The calendar day `days` after (or before) `date`. */
export const addLocalDays = (date: LocalDate, days: number): LocalDate => {
  const shifted = new Date(toUtcMidnight(date) + days * 24 * HOUR_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
};

/** Calendar days from `from` to `to` in `timeZone` (yesterday 23:59 to today 00:01 is 1), never negative. */
export const localDaysBetween = (from: Date, to: Date, timeZone: string): number =>
  Math.max(0, Math.round((toUtcMidnight(localDateOf(to, timeZone)) - toUtcMidnight(localDateOf(from, timeZone))) / (24 * HOUR_MS)));

const runsOn = (schedule: TaskSchedule, date: LocalDate): boolean =>
  schedule.days === 'daily' || schedule.days.includes(new Date(toUtcMidnight(date)).getUTCDay());

/**
 * When the task runs on local day `date` (whether or not the schedule has that weekday). The hour's start in the
 * site's zone, as the sync slot computes it: on a day the hour does not exist (spring forward) the run is when the
 * clock jumps to; on a day it repeats (fall back), its first occurrence only. A start that lands inside the sync's
 * hour — only possible on such a day — moves to the end of that hour, so a task never starts in the sync slot.
 */
export const runOn = (schedule: TaskSchedule, site: SiteClock, date: LocalDate): Date => {
  const start = slotStartOn({ hour: schedule.hour, timeZone: site.timeZone }, date).getTime();
  for (const offset of [-1, 0, 1]) {
    const sync = slotStartOn({ hour: site.syncHour, timeZone: site.timeZone }, addLocalDays(date, offset)).getTime();
    if (start >= sync && start < sync + HOUR_MS) return new Date(sync + HOUR_MS);
  }
  return new Date(start);
};

/** The task's next `count` run times strictly after `now`, earliest first (the list's "next run"). */
export const nextTaskRuns = (schedule: TaskSchedule, site: SiteClock, now: Date, count = 1): Date[] => {
  const runs: Date[] = [];
  let date = addLocalDays(localDateOf(now, site.timeZone), -1);
  while (runs.length < count) {
    if (runsOn(schedule, date)) {
      const at = runOn(schedule, site, date);
      if (at > now) runs.push(at);
    }
    date = addLocalDays(date, 1);
  }
  return runs;
};

/** The latest run time at or before `now` (within the last 8 days, which always holds one). */
export const latestTaskRun = (schedule: TaskSchedule, site: SiteClock, now: Date): Date => {
  const today = localDateOf(now, site.timeZone);
  for (let back = 0; back <= 8; back += 1) {
    const date = addLocalDays(today, -back);
    if (!runsOn(schedule, date)) continue;
    const at = runOn(schedule, site, date);
    if (at <= now) return at;
  }
  throw new DomainError('INTERNAL', 'A task schedule runs at least once a week');
};

/**
 * The run time a tick at `now` should serve, or null: due when the latest run time passed less than CATCH_UP_HOURS
 * ago (as for the sync) and the task's last scheduled run (`lastRunAt`) began before it.
 */
export const dueTaskRun = (schedule: TaskSchedule, site: SiteClock, now: Date, lastRunAt: Date | null): Date | null => {
  const at = latestTaskRun(schedule, site, now);
  if (now.getTime() - at.getTime() >= CATCH_UP_HOURS * HOUR_MS) return null;
  return lastRunAt !== null && lastRunAt >= at ? null : at;
};

/**
 * What to do with a due run while a sync may be running (T3: tasks and syncs never overlap): start it; wait while a
 * sync runs within the run's own hour; after that hour, record it as skipped (`sync-overlap`).
 */
export const dueRunDecision = (runAt: Date, now: Date, syncRunning: boolean): 'start' | 'wait' | 'skip-sync-overlap' => {
  if (!syncRunning) return 'start';
  return now.getTime() < runAt.getTime() + HOUR_MS ? 'wait' : 'skip-sync-overlap';
};

/** The first run on or after the local day `date` (a notice's planned change: the first run once it has passed). */
export const firstRunFrom = (schedule: TaskSchedule, site: SiteClock, date: LocalDate): Date => {
  let day = date;
  while (!runsOn(schedule, day)) day = addLocalDays(day, 1);
  return runOn(schedule, site, day);
};
