import type { ActionMethod, BulkAction, PlanContext } from '../../policy/actionEligibility';
import { skipReasons } from '../../policy/actionEligibility';
import type { InactivityState } from '../../policy/inactivityPolicy';
import type { SiteClock } from '../../policy/taskSchedule';

/**
 * Why a task leaves a user unchanged: every bulk skip reason (protected, unknown activity, new user, what an identity
 * provider owns, wrong state, ...) plus the task's own. Stable codes; the UI translates each.
 */
export const taskSkipReasons = [
  ...skipReasons,
  'excluded-group',
  'not-in-included-groups',
  'other-account-type',
  'not-billable',
  'not-matching',
  'within-seat-cap',
  'within-notice',
  'already-notified',
  'over-cap',
] as const;
/** One of `taskSkipReasons`. */
export type TaskSkipReason = (typeof taskSkipReasons)[number];

/** One change a run makes to a user: a bulk action and how the executor carries it out, or a notice (notify only). */
export type PlannedChange = { action: BulkAction; method: ActionMethod; groupIds: readonly string[] } | { action: { type: 'notify' }; method: 'notify'; groupIds: readonly string[] };

/**
 * Why the rule picked a user: their inactivity state and days in the rule's products (null when not known), and
 * for a seat cap their place in the longest-inactive-first order (1 = removed first).
 */
export interface RuleMatch {
  state: InactivityState | null;
  inactiveDays: number | null;
  seatRank: number | null;
}

/** A user in a task's plan (T2): will change (how, and why the rule picked them), or skipped with a reason. */
export type TaskPlanItem =
  | { accountId: string; decision: 'will-change'; changes: PlannedChange[]; match: RuleMatch }
  | {
      accountId: string;
      decision: 'skip';
      reason: TaskSkipReason;
      /** The IdP-synced groups behind an `idp-synced-group` skip; empty otherwise. */
      groupIds: readonly string[];
      /** When the rule matched: why (the user would change but for the notice, the cap or the seat cap). */
      match: RuleMatch | null;
      /** For `within-notice`: the run at which the user will be changed if they still match. */
      noticeUntil: Date | null;
    };

/** What evaluating a task reads besides the users: the bulk plan's context and the site's clock. */
export interface TaskPlanContext extends PlanContext {
  site: SiteClock;
}
