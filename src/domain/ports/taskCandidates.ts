import type { ProductTarget, TaskRule } from '../model/task';
import type { User } from '../model/user';
import type { InactivityThresholds } from '../policy/inactivityPolicy';

/** A rule that picks users by their activity (every kind but the seat cap). */
export type ActivityRule = Exclude<TaskRule, { kind: 'seat-cap' }>;

/**
 * A holder of a product on one site as the synced copy indexes them, without reading the user: whether the seat is
 * billable, and since when they have been inactive there — their last activity on that site, or the day they were
 * added when they never used it (null when not known); `activityKnown` false while their activity is still unknown.
 */
export interface SeatHolder {
  accountId: string;
  billable: boolean;
  activityKnown: boolean;
  since: Date | null;
}

/**
 * The synced users a task's rule could pick (T1, T8), read from the synced copy in as few queries as the storage
 * allows.
 */
export interface TaskCandidates {
  /**
   * Users in the organization (not left) who, in the rule's products (overall for `all`), are inactive for at least
   * the rule's days or in its state, never active, new, or of unknown activity — the last two so that a dry run can
   * name them as skipped. Protected users are included (the plan skips them and says so). Each user once, in
   * account-ID order.
   */
  forRule(rule: ActivityRule, context: { now: Date; thresholds: InactivityThresholds }): Promise<User[]>;
  /** T8: every holder of the product on its site who is still in the organization, in any order. */
  seatHolders(product: ProductTarget): Promise<SeatHolder[]>;
  /** The synced users of these IDs still in the organization, in account-ID order. */
  users(accountIds: readonly string[]): Promise<User[]>;
}
