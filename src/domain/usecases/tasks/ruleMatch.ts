import { changeOf, type ProductTarget, type TaskChange, type TaskDefinition, type TaskFilter, type TaskRule } from '../../model/task';
import { isDeactivated, isSuspended, type User } from '../../model/user';
import {
  inactivityProblem,
  personProblem,
  recheckItem,
  type BulkAction,
  type InactivityRequirement,
  type PlanContext,
} from '../../policy/actionEligibility';
import { classifyInScope, elapsedDays, inactiveDays, type ProductScope } from '../../policy/inactivityPolicy';
import type { PlannedChange, RuleMatch, TaskPlanContext, TaskSkipReason } from './taskPlanItem';

/** A user the rule picks (what would change and why), or why it does not. */
export type UserOutcome = { changes: PlannedChange[]; match: RuleMatch } | { reason: TaskSkipReason; groupIds: readonly string[] };

/** The task's filter: excluded groups first, then included groups, account type, billable. */
export const filterProblem = (user: User, filter: TaskFilter): TaskSkipReason | null => {
  const member = (id: string): boolean => user.groups.some((g) => g.id === id);
  if (filter.excludeGroupIds.some(member)) return 'excluded-group';
  if (filter.includeGroupIds.length > 0 && !filter.includeGroupIds.some(member)) return 'not-in-included-groups';
  if (!filter.accountTypes.includes(user.managed ? 'managed' : 'external')) return 'other-account-type';
  if (filter.billableOnly && !user.billable) return 'not-billable';
  return null;
};

/** The products whose activity the rule reads. */
export const scopeOf = (rule: TaskRule): ProductScope => (rule.kind === 'seat-cap' ? [rule.product.productKey] : rule.products);

/** The inactivity rules are the bulk plan's inactivity requirement, so both skip the same users. */
const requirementOf = (rule: TaskRule): InactivityRequirement | undefined => {
  if (rule.kind === 'inactive') return { minInactiveDays: rule.minInactiveDays, productKeys: rule.products };
  if (rule.kind === 'state') return { minInactiveDays: rule.state, productKeys: rule.products };
  return undefined;
};

const holdsProduct = (user: User, product: ProductTarget): boolean =>
  user.productAccess.some((a) => a.productKey === product.productKey && a.resourceId === product.resourceId);

/** The checks of the never-active and seat-cap rules (the inactivity rules are checked through the requirement). */
const ownRuleProblem = (user: User, rule: TaskRule, context: PlanContext): TaskSkipReason | null => {
  if (rule.kind === 'inactive' || rule.kind === 'state') return null;
  if (rule.kind === 'seat-cap' && !holdsProduct(user, rule.product)) return 'no-product-access';
  if (!user.activityKnown) return 'unknown-activity';
  const state = classifyInScope(user, scopeOf(rule), context.thresholds, context.now);
  if (state === 'new') return 'new-user';
  if (rule.kind === 'seat-cap') return user.billable ? null : 'not-billable';
  const added = user.addedToOrgAt;
  return state === 'never-active' && added !== null && elapsedDays(added, context.now) >= rule.addedMoreThanDays ? null : 'not-matching';
};

/** Why the rule picked `user`: state and days inactive in the rule's products. */
export const ruleMatchOf = (user: User, rule: TaskRule, context: PlanContext): RuleMatch => {
  const scope = scopeOf(rule);
  return { state: classifyInScope(user, scope, context.thresholds, context.now), inactiveDays: inactiveDays(user, context.now, scope), seatRank: null };
};

/** The bulk actions a change is made of: one deactivation, or one revoke per product. */
export const bulkActionsOf = (change: TaskChange): BulkAction[] =>
  change.type === 'deactivate' ? [{ type: 'deactivate' }] : change.products.map((p) => ({ type: 'revoke-product', ...p }));

const changesFor = (change: TaskChange, user: User, context: PlanContext): PlannedChange[] | { reason: TaskSkipReason; groupIds: readonly string[] } => {
  const items = bulkActionsOf(change).map((action) => ({ action, item: recheckItem(action, user, context) }));
  const changes: PlannedChange[] = [];
  for (const { action, item } of items) if (item.decision === 'will-change') changes.push({ action, method: item.method, groupIds: item.groupIds });
  if (changes.length > 0) return changes;
  const skips = items.flatMap(({ item }) => (item.decision === 'skip' ? [item] : []));
  // With several products, the reason of a product the user has says more than "no access" to another.
  const telling = skips.find((s) => s.reason !== 'no-product-access') ?? skips[0];
  return { reason: telling?.reason ?? 'no-product-access', groupIds: telling?.groupIds ?? [] };
};

const notifyProblem = (user: User, context: PlanContext): TaskSkipReason | null =>
  personProblem(user, context) ?? (isDeactivated(user) || isSuspended(user) ? 'already-deactivated' : null) ?? inactivityProblem(user, context);

/**
 * One user under a task: the filter, then exactly the bulk plan's checks for the task's change (protected first,
 * account state, what an identity provider owns, unknown activity, new user, inactivity), then the never-active or
 * seat-cap rule's own. Notify only checks the person, that the account is still active, and the rule.
 */
export const evaluateUser = (user: User, task: Pick<TaskDefinition, 'rule' | 'filter' | 'action'>, context: TaskPlanContext): UserOutcome => {
  const filtered = filterProblem(user, task.filter);
  if (filtered) return { reason: filtered, groupIds: [] };
  const checked: PlanContext = { ...context, requireInactivity: requirementOf(task.rule) };
  const change = changeOf(task.action);
  let changes: PlannedChange[];
  if (change === null) {
    const problem = notifyProblem(user, checked);
    if (problem) return { reason: problem, groupIds: [] };
    changes = [{ action: { type: 'notify' }, method: 'notify', groupIds: [] }];
  } else {
    const planned = changesFor(change, user, checked);
    if (!Array.isArray(planned)) return planned;
    changes = planned;
  }
  const own = ownRuleProblem(user, task.rule, checked);
  return own ? { reason: own, groupIds: [] } : { changes, match: ruleMatchOf(user, task.rule, checked) };
};
