import type { TaskDefinition } from '../../model/task';
import type { TaskNotice } from '../../model/taskRecords';
import type { User } from '../../model/user';
import type { ActionMethod } from '../../policy/actionEligibility';
import { decideNotices } from './notice';
import { evaluateUser, type UserOutcome } from './ruleMatch';
import { checkSafetyCap, type SafetyVerdict } from './safetyCap';
import { seatCapSelection, seatsUsed } from './seatCap';
import type { PlannedChange, RuleMatch, TaskPlanContext, TaskPlanItem, TaskSkipReason } from './taskPlanItem';

/** What evaluating a task reads of it. */
export type PlannedTask = Pick<TaskDefinition, 'rule' | 'filter' | 'action' | 'schedule' | 'noticeDays' | 'safetyCap'>;

/** A user to announce (`users-to-be-changed`); `plannedChangeAt` null for notify only. */
export interface Announcement {
  accountId: string;
  plannedChangeAt: Date | null;
}

/**
 * A plan's counts: users in it, will change, skipped; changes by method and skips by reason; for a seat cap, the
 * holders who keep the product without being planned one by one (the cap is met before them).
 */
export interface TaskPlanSummary {
  total: number;
  keepSeat: number;
  willChange: number;
  skipped: number;
  byMethod: Partial<Record<ActionMethod | 'notify', number>>;
  skippedByReason: Partial<Record<TaskSkipReason, number>>;
}

/** A task's plan at one moment (T2 dry run, and what a run acts on): one item per distinct user, notices, the cap. */
export interface TaskPlan {
  items: TaskPlanItem[];
  summary: TaskPlanSummary;
  notices: { announce: Announcement[]; clear: string[] };
  safety: SafetyVerdict;
}

type Matched = { changes: PlannedChange[]; match: RuleMatch };
type Skipped = { reason: TaskSkipReason; groupIds: readonly string[]; match: RuleMatch | null; noticeUntil: Date | null };
const skipped = (reason: TaskSkipReason, match: RuleMatch | null, noticeUntil: Date | null = null): Skipped => ({ reason, groupIds: [], match, noticeUntil });

/** T8: the matching users beyond the excess keep the product (`within-seat-cap`); the chosen ones get their rank. */
const applySeatCap = (task: PlannedTask, users: readonly User[], outcomes: Map<string, UserOutcome | Skipped>, seats: number | undefined): void => {
  if (task.rule.kind !== 'seat-cap') return;
  const candidates = [...outcomes].flatMap(([accountId, o]) => ('changes' in o ? [{ accountId, inactiveDays: o.match.inactiveDays }] : []));
  const chosen = seatCapSelection(candidates, seats ?? seatsUsed(users, task.rule.product), task.rule.maxSeats);
  for (const { accountId } of candidates) {
    const outcome = outcomes.get(accountId) as Matched;
    const rank = chosen.get(accountId);
    outcomes.set(accountId, rank === undefined ? skipped('within-seat-cap', outcome.match) : { ...outcome, match: { ...outcome.match, seatRank: rank } });
  }
};

/** T5: announce, wait or act; notify only notifies each matching user once. */
const applyNotices = (task: PlannedTask, notices: readonly TaskNotice[], outcomes: Map<string, UserOutcome | Skipped>, context: TaskPlanContext): TaskPlan['notices'] => {
  const matching = [...outcomes].flatMap(([id, o]) => ('changes' in o ? [id] : []));
  const wait = (id: string, reason: TaskSkipReason, until: Date | null): void => {
    outcomes.set(id, skipped(reason, (outcomes.get(id) as Matched).match, until));
  };
  if (task.action.type === 'notify') {
    const notified = new Set(notices.map((n) => n.accountId));
    for (const id of matching) if (notified.has(id)) wait(id, 'already-notified', null);
    const matched = new Set(matching);
    return {
      announce: matching.filter((id) => !notified.has(id)).map((accountId) => ({ accountId, plannedChangeAt: null })),
      clear: [...notified].filter((id) => !matched.has(id)),
    };
  }
  const decision = decideNotices(matching, notices, task.noticeDays, task.schedule, context.site, context.now);
  for (const { accountId, plannedChangeAt } of [...decision.waiting, ...decision.announce]) wait(accountId, 'within-notice', plannedChangeAt);
  return { announce: decision.announce, clear: decision.clear };
};

const summarize = (items: readonly TaskPlanItem[]): TaskPlanSummary => {
  const summary: TaskPlanSummary = { total: items.length, keepSeat: 0, willChange: 0, skipped: 0, byMethod: {}, skippedByReason: {} };
  for (const item of items) {
    if (item.decision === 'will-change') {
      summary.willChange += 1;
      for (const { method } of item.changes) summary.byMethod[method] = (summary.byMethod[method] ?? 0) + 1;
    } else {
      summary.skipped += 1;
      summary.skippedByReason[item.reason] = (summary.skippedByReason[item.reason] ?? 0) + 1;
    }
  }
  return summary;
};

/**
 * Evaluates a task over `users` (T2): each distinct user will change — how, and why the rule picked them — or is
 * skipped with a reason, with counts. In order: the rule and the bulk plan's checks per user, the seat cap (T8), the
 * notice period over the task's stored `notices` (T5), then the safety cap (T7): over it, every user who would
 * change or be announced is skipped `over-cap` and no notice is sent or cleared. Pure: the dry run shows it, a run
 * acts on it (after evaluating again over the users read live). A seat cap counts the product's seats over `users`
 * unless `seats` says how many there are (when `users` are only some of the holders).
 */
export const planTask = (
  task: PlannedTask,
  users: readonly User[],
  notices: readonly TaskNotice[],
  context: TaskPlanContext,
  seats?: number,
): TaskPlan => {
  const seen = new Set<string>();
  // As in a bulk plan, a user listed twice is planned once, as first listed.
  const distinct = users.filter((u) => !seen.has(u.accountId) && seen.add(u.accountId));
  const outcomes = new Map<string, UserOutcome | Skipped>(distinct.map((u) => [u.accountId, evaluateUser(u, task, context)]));
  applySeatCap(task, distinct, outcomes, seats);
  const planned = applyNotices(task, notices, outcomes, context);
  const wouldChange = [...outcomes.values()].filter((o) => 'changes' in o).length;
  const safety = checkSafetyCap(task.safetyCap, wouldChange, planned.announce.length);
  const over = safety.status === 'over-cap';
  const toAnnounce = new Set(planned.announce.map((a) => a.accountId));
  const items = distinct.map((u): TaskPlanItem => {
    const o = outcomes.get(u.accountId) as UserOutcome | Skipped;
    const accountId = u.accountId;
    if ('changes' in o) {
      return over
        ? { accountId, decision: 'skip', reason: 'over-cap', groupIds: [], match: o.match, noticeUntil: null }
        : { accountId, decision: 'will-change', changes: o.changes, match: o.match };
    }
    const reason = over && toAnnounce.has(accountId) ? 'over-cap' : o.reason;
    return { accountId, decision: 'skip', reason, groupIds: o.groupIds, match: 'match' in o ? o.match : null, noticeUntil: 'noticeUntil' in o ? o.noticeUntil : null };
  });
  return { items, summary: summarize(items), notices: over ? { announce: [], clear: [] } : planned, safety };
};
