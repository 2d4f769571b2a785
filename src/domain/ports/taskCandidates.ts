import type { TaskRule } from '../model/task';
import type { User } from '../model/user';
import type { InactivityThresholds } from '../policy/inactivityPolicy';

/**
 * The synced users a task's rule could pick (T1, T8), read from the synced copy in as few queries as the storage
 * allows: users in the organization (not left) who, in the rule's products (overall for `all`), are inactive for at
 * least the rule's days or in its state, never active, new, or of unknown activity — the last two so that a dry run
 * can name them as skipped. A seat-cap rule gets every user holding the product on the rule's site (seats are
 * counted over them). Protected users are included (the plan skips them and says so). Each user once, in account-ID order.
 */
export interface TaskCandidates {
  forRule(rule: TaskRule, context: { now: Date; thresholds: InactivityThresholds }): Promise<User[]>;
}
