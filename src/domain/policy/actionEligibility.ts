import { z } from 'zod';
import type { Group } from '../model/group';
import { productKeySchema } from '../model/product';
import { isDeactivated, isIdpManaged, isSuspended, type User } from '../model/user';
import { classifyInScope, inactiveDays, type InactivityThresholds } from './inactivityPolicy';
import type { ProtectedEmails } from './protectedEmails';

const productTarget = { productKey: productKeySchema, resourceId: z.string().min(1) };
export const bulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deactivate') }),
  z.object({ type: z.literal('reactivate') }),
  z.object({ type: z.literal('revoke-product'), ...productTarget }),
  z.object({ type: z.literal('assign-product'), ...productTarget }),
]);
/** What a bulk action (B1) or an automated task (T1) does to each selected user. */
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const inactivityRequirementSchema = z.object({
  /** Whole inactive days; `warning` / `overdue` mean the current thresholds. */
  minInactiveDays: z.union([z.number().int().nonnegative(), z.enum(['warning', 'overdue'])]),
  productKeys: z.union([z.array(productKeySchema).min(1), z.literal('all')]),
});
/** "Inactive ≥ N days in these products (or all)": only users known to be that inactive may change. */
export type InactivityRequirement = z.infer<typeof inactivityRequirementSchema>;

export const actionMethods = [
  'lifecycle-disable',
  'directory-suspend',
  'lifecycle-enable',
  'directory-restore',
  'group-remove',
  'role-revoke',
  'role-assign',
  /** Only a revert (B5) makes it: adds the user back to the groups a `group-remove` took them out of. */
  'group-add',
] as const;
/** How the executor carries out a change; the plan shows it (e.g. "suspended, not deactivated"). */
export type ActionMethod = (typeof actionMethods)[number];

export const skipReasons = [
  'protected',
  'not-a-person',
  'account-closed',
  'left-org',
  'already-deactivated',
  'already-active',
  'not-managed',
  'idp-managed',
  'no-product-access',
  'already-has-access',
  'idp-synced-group',
  'unknown-activity',
  'not-inactive-enough',
  'new-user',
] as const;
/** Stable code for why a user is left unchanged; also the audit `reason` of a skipped outcome. */
export type SkipReason = (typeof skipReasons)[number];

/**
 * `groupIds`: for `group-remove` the groups the user is removed from; for an `idp-synced-group` skip the synced
 * groups that grant the access; empty otherwise.
 */
export type PlanItem =
  | { accountId: string; decision: 'will-change'; method: ActionMethod; groupIds: readonly string[] }
  | { accountId: string; decision: 'skip'; reason: SkipReason; groupIds: readonly string[] };

export interface PlanContext {
  protectedEmails: ProtectedEmails;
  groupsById: ReadonlyMap<string, Group>;
  thresholds: InactivityThresholds;
  now: Date;
  requireInactivity?: InactivityRequirement | undefined;
}

export interface PlanSummary {
  total: number;
  willChange: number;
  skipped: number;
  byMethod: Partial<Record<ActionMethod, number>>;
  skippedByReason: Partial<Record<SkipReason, number>>;
}

export interface ActionPlan {
  items: PlanItem[];
  summary: PlanSummary;
}

type Outcome = { method: ActionMethod; groupIds?: readonly string[] } | { reason: SkipReason; groupIds?: readonly string[] };

const hasAccess = (user: User, productKey: string, resourceId: string): boolean =>
  user.productAccess.some((a) => a.productKey === productKey && a.resourceId === resourceId);

const deactivate = (user: User): Outcome => {
  if (isDeactivated(user)) return { reason: 'already-deactivated' };
  if (user.managed) return isIdpManaged(user) ? { reason: 'idp-managed' } : { method: 'lifecycle-disable' };
  return isSuspended(user) ? { reason: 'already-deactivated' } : { method: 'directory-suspend' };
};

const reactivate = (user: User): Outcome => {
  if (isDeactivated(user) && user.managed) return isIdpManaged(user) ? { reason: 'idp-managed' } : { method: 'lifecycle-enable' };
  if (isSuspended(user)) return { method: 'directory-restore' };
  return isDeactivated(user) ? { reason: 'not-managed' } : { reason: 'already-active' };
};

const revoke = (user: User, productKey: string, resourceId: string, groupsById: PlanContext['groupsById']): Outcome => {
  if (!hasAccess(user, productKey, resourceId)) return { reason: 'no-product-access' };
  const grantsIt = (g: Group | undefined): g is Group =>
    g !== undefined && g.grants.some((x) => x.productKey === productKey && x.resourceId === resourceId);
  const granting = user.groups.map((ref) => groupsById.get(ref.id)).filter(grantsIt);
  const synced = granting.filter((g) => g.idpSynced || !g.modifiable);
  if (synced.length > 0) return { reason: 'idp-synced-group', groupIds: synced.map((g) => g.id) };
  if (granting.length === 0) return { method: 'role-revoke' };
  return { method: 'group-remove', groupIds: granting.map((g) => g.id) };
};

const forAction = (action: BulkAction, user: User, context: PlanContext): Outcome => {
  switch (action.type) {
    case 'deactivate':
      return deactivate(user);
    case 'reactivate':
      return reactivate(user);
    case 'revoke-product':
      return revoke(user, action.productKey, action.resourceId, context.groupsById);
    case 'assign-product':
      return hasAccess(user, action.productKey, action.resourceId)
        ? { reason: 'already-has-access' }
        : { method: 'role-assign' };
  }
};

/** Whether `user` fails the context's inactivity requirement (unknown activity, new user, not inactive enough); null without one. */
export const inactivityProblem = (user: User, context: PlanContext): SkipReason | null => {
  const requirement = context.requireInactivity;
  if (!requirement) return null;
  if (!user.activityKnown) return 'unknown-activity';
  // A newcomer with no activity yet is not inactive (I1), however many days the rule asks for.
  if (classifyInScope(user, requirement.productKeys, context.thresholds, context.now) === 'new') return 'new-user';
  const { minInactiveDays: min } = requirement;
  const { warningDays, overdueDays } = context.thresholds;
  const minDays = min === 'warning' ? warningDays : min === 'overdue' ? overdueDays : min;
  const days = inactiveDays(user, context.now, requirement.productKeys);
  return days !== null && days >= minDays ? null : 'not-inactive-enough';
};

/** The checks before any action's own: protected (always first), not a person, closed, left the org. */
export const personProblem = (user: User, context: Pick<PlanContext, 'protectedEmails'>): SkipReason | null => {
  if (context.protectedEmails.isProtected(user.email)) return 'protected';
  if (user.accountType !== 'atlassian') return 'not-a-person';
  if (user.accountStatus === 'closed') return 'account-closed';
  if (user.membershipStatus === 'no_membership') return 'left-org';
  return null;
};

/**
 * Decides whether one user will change under `action`, checking in this order: protected (always first),
 * not a person (only `atlassian` accounts), closed, left the org, the action's own state checks (including what
 * an identity provider owns: a SCIM-provisioned account's lifecycle, a synced group's members), then the
 * inactivity requirement. The executor calls it again right before acting on the user.
 */
export const recheckItem = (action: BulkAction, user: User, context: PlanContext): PlanItem => {
  const skip = (reason: SkipReason, groupIds: readonly string[] = []): PlanItem => ({ accountId: user.accountId, decision: 'skip', reason, groupIds });
  const personal = personProblem(user, context);
  if (personal) return skip(personal);
  const outcome = forAction(action, user, context);
  if ('reason' in outcome) return skip(outcome.reason, outcome.groupIds);
  const problem = inactivityProblem(user, context);
  if (problem) return skip(problem);
  const { method, groupIds = [] } = outcome;
  return { accountId: user.accountId, decision: 'will-change', method, groupIds };
};

/** The plan shown before the admin confirms (B2): one item per distinct selected user, plus counts. */
export const planAction = (action: BulkAction, users: readonly User[], context: PlanContext): ActionPlan => {
  const seen = new Set<string>();
  const items: PlanItem[] = [];
  const summary: PlanSummary = { total: 0, willChange: 0, skipped: 0, byMethod: {}, skippedByReason: {} };
  for (const user of users) {
    if (seen.has(user.accountId)) continue;
    seen.add(user.accountId);
    const item = recheckItem(action, user, context);
    items.push(item);
    summary.total += 1;
    if (item.decision === 'will-change') {
      summary.willChange += 1;
      summary.byMethod[item.method] = (summary.byMethod[item.method] ?? 0) + 1;
    } else {
      summary.skipped += 1;
      summary.skippedByReason[item.reason] = (summary.skippedByReason[item.reason] ?? 0) + 1;
    }
  }
  return { items, summary };
};
