import type { TaskSchedule } from '../../model/task';
import type { TaskNotice } from '../../model/taskRecords';
import { localDateOf } from '../../policy/timeSlot';
import { addLocalDays, firstRunFrom, type SiteClock } from '../../policy/taskSchedule';

/** A user to announce now, or one announced and waiting: the run at which they will be changed if still matching. */
export interface NoticeDue {
  accountId: string;
  plannedChangeAt: Date;
}

/** T5: what a run does with the users its rule matches, given the task's stored notices. */
export interface NoticeDecision {
  /** Announced, the notice served (noticeServed), and still matching: may be changed now. */
  act: string[];
  /** Announced, notice not over yet. */
  waiting: NoticeDue[];
  /** Matching, not announced yet: announce now (`users-to-be-changed`). */
  announce: NoticeDue[];
  /** Notices of users who no longer match (became active, protected, left, ...): to be cleared. */
  clear: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a notice has run its course at `now`: the run it announced has come (`plannedChangeAt`, the date the
 * webhook told), or `noticeDays` full days have passed since it was sent (a Run now). Never sooner: a Run now at
 * 00:05 does not act on users announced at 23:55.
 */
export const noticeServed = (notice: Pick<TaskNotice, 'announcedAt' | 'plannedChangeAt'>, noticeDays: number, now: Date): boolean =>
  now.getTime() >= notice.announcedAt.getTime() + noticeDays * DAY_MS || (notice.plannedChangeAt !== null && now >= notice.plannedChangeAt);

/**
 * Splits the users a run would change (`matching`) by their notices. The planned change is the first scheduled run
 * on or after the local day (site zone) the notice ends, so a daily run N days after the announcing run acts
 * whatever minute its tick comes; a run by hand acts once N full days have passed. With 0 days everyone matching is
 * acted on at once.
 */
export const decideNotices = (
  matching: readonly string[],
  notices: readonly TaskNotice[],
  noticeDays: number,
  schedule: TaskSchedule,
  site: SiteClock,
  now: Date,
): NoticeDecision => {
  const byAccount = new Map(notices.map((n) => [n.accountId, n]));
  const matched = new Set(matching);
  // One planned date per announcing day: computed once, not once per user.
  const planned = new Map<string, Date>();
  const plannedFrom = (at: Date): Date => {
    const day = localDateOf(at, site.timeZone);
    const key = `${day.year}-${day.month}-${day.day}`;
    const found = planned.get(key) ?? firstRunFrom(schedule, site, addLocalDays(day, noticeDays));
    planned.set(key, found);
    return found;
  };
  const decision: NoticeDecision = { act: [], waiting: [], announce: [], clear: [] };
  for (const accountId of matched) {
    const notice = byAccount.get(accountId);
    if (noticeDays === 0 || (notice !== undefined && noticeServed(notice, noticeDays, now))) {
      decision.act.push(accountId);
    } else if (notice === undefined) {
      decision.announce.push({ accountId, plannedChangeAt: plannedFrom(now) });
    } else {
      decision.waiting.push({ accountId, plannedChangeAt: plannedFrom(notice.announcedAt) });
    }
  }
  decision.clear = [...byAccount.keys()].filter((id) => !matched.has(id));
  return decision;
};
