import { DomainError } from '../../model/errors';
import type { Group } from '../../model/group';
import { directoryName, type DirectoryRef } from '../../model/user';
import { planAction, type ActionMethod, type ActionPlan, type BulkAction, type SkipReason } from '../../policy/actionEligibility';
import type { PlanDeps } from './deps';
import { planContextFor } from './planContext';
import { resolveSelection, type BulkSelection } from './selection';

/** One planned user, with what the admin recognises them by. */
export interface PlanItemView {
  accountId: string;
  name: string | null;
  email: string | null;
  decision: 'will-change' | 'skip';
  method: ActionMethod | null;
  reason: SkipReason | null;
  messageKey: string;
  /** Names of the groups the user is removed from (`group-remove`), or of the IdP-synced groups that block it. */
  groups: string[];
  /** The named directories those groups were synced into, each once (the Admin API names no identity provider). */
  groupDirectories: string[];
}

/** The plan the admin confirms: counts over every selected user, and the first `itemsLimit` items in plan order. */
export interface BulkPlanView {
  action: BulkAction;
  summary: ActionPlan['summary'];
  items: PlanItemView[];
  moreItems: boolean;
}

const sameAction = (a: BulkAction, b: BulkAction): boolean =>
  a.type === b.type && ('productKey' in a ? 'productKey' in b && a.productKey === b.productKey && a.resourceId === b.resourceId : true);

/** A retry (B3) repeats the failed job's own action: another action over its failed users is refused. */
const checkRetry = async (action: BulkAction, selection: BulkSelection, deps: PlanDeps): Promise<void> => {
  if (selection.kind !== 'failed-in-job') return;
  const job = await deps.jobs.get(selection.jobId);
  const problem = job?.kind !== 'bulk-action' ? 'no-such-job' : sameAction(job.spec.action, action) ? null : 'retry-other-action';
  if (problem === null) return;
  throw new DomainError('VALIDATION_FAILED', 'A retry repeats the action of an existing bulk job', {
    issues: [{ path: 'selection.jobId', messageKey: `validation.bulk.${problem}`, message: problem }],
  });
};

/** A planned user as the admin and the IdP team recognise them. */
export interface PlanPerson {
  name: string;
  email: string | null;
  directory: DirectoryRef | null;
}

/** The plan for the selection as the server sees it now, with the account IDs in plan order (for bulk.start). */
export const computePlan = async (
  action: BulkAction,
  selection: BulkSelection,
  deps: PlanDeps,
): Promise<{ plan: ActionPlan; people: Map<string, PlanPerson>; groupsOf: (ids: readonly string[]) => Group[] }> => {
  await checkRetry(action, selection, deps);
  const settings = await deps.settings.load();
  const context = await planContextFor(action, settings, deps.clock.now(), deps.groups);
  const users = await resolveSelection(selection, context, deps);
  const people = new Map(users.map((u) => [u.accountId, { name: u.name, email: u.email, directory: u.directory ?? null }]));
  const groupsOf = (ids: readonly string[]): Group[] => ids.flatMap((id) => context.groupsById.get(id) ?? []);
  return { plan: planAction(action, users, context), people, groupsOf };
};

/**
 * B2: what the action would do to each selected user — will change (and how: deactivated, or only suspended in
 * the directory; for a revoke, the groups it removes the user from) or skipped with a reason (naming the IdP-synced
 * groups that grant the access) — with counts by method and reason. Changes nothing.
 */
export const planBulk = async (
  request: { action: BulkAction; selection: BulkSelection; itemsLimit: number },
  deps: PlanDeps,
): Promise<BulkPlanView> => {
  const { plan, people, groupsOf } = await computePlan(request.action, request.selection, deps);
  const items = plan.items.slice(0, request.itemsLimit).map((item): PlanItemView => {
    const person = people.get(item.accountId);
    const groups = groupsOf(item.groupIds);
    const base = {
      accountId: item.accountId,
      name: person?.name ?? null,
      email: person?.email ?? null,
      groups: groups.map((g) => g.name),
      groupDirectories: [...new Set(groups.flatMap((g) => directoryName(g.directory) ?? []))],
    };
    return item.decision === 'will-change'
      ? { ...base, decision: 'will-change', method: item.method, reason: null, messageKey: `bulk.methods.${item.method}` }
      : { ...base, decision: 'skip', method: null, reason: item.reason, messageKey: `bulk.reasons.${item.reason}` };
  });
  return { action: request.action, summary: plan.summary, items, moreItems: plan.items.length > items.length };
};
