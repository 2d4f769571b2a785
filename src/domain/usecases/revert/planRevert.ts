import type { BulkAction, ActionMethod } from '../../policy/actionEligibility';
import type { AuditLog } from '../../ports/auditLog';
import type { DirectoryActions } from '../../ports/directoryActions';
import type { JobRepository } from '../../ports/jobRepository';
import type { SecretStore } from '../../ports/secretStore';
import type { PlanDeps } from '../bulk/deps';
import type { ItemCheck } from '../bulk/itemOutcome';
import { changeTarget } from '../bulk/executeChange';
import { liveUsers } from '../bulk/liveUsers';
import { planContextFor } from '../bulk/planContext';
import { skipReasonKey } from '../tasks/run/reasonKeys';
import { changedSince } from './changedSince';
import { recordedChanges, revertSource } from './revertSource';
import { inverseAction, revertCheck, type RevertBlock } from './revertRules';

export interface RevertPlanDeps extends Omit<PlanDeps, 'jobs'> {
  jobs: Pick<JobRepository, 'get' | 'results' | 'changes' | 'revertsOf'>;
  audit: Pick<AuditLog, 'query'>;
  secrets: SecretStore;
  directory: DirectoryActions;
}

/** One user of a revert's plan: restored (how: reactivate, restore, re-add to groups, re-assign) or skipped and why. */
export interface RevertPlanItemView {
  accountId: string;
  name: string | null;
  email: string | null;
  decision: 'will-change' | 'skip';
  method: ActionMethod | null;
  reason: string | null;
  messageKey: string;
  /** The groups the user is put back in (or taken out of again), by name; or the group that stops it. */
  groups: string[];
}

export interface RevertPlanView {
  jobId: string;
  /** What the revert does: the opposite of the job's action. */
  action: BulkAction;
  /** Why the job cannot be reverted now; null when it can. */
  blocked: RevertBlock | null;
  /** The users the job changed: every one a revert would look at. */
  total: number;
  /** Counts over the users read live for this plan (the first `itemsLimit`); the revert re-checks every user live. */
  summary: { checked: number; willChange: number; skipped: number; byMethod: Partial<Record<ActionMethod, number>>; skippedByReason: Record<string, number> };
  items: RevertPlanItemView[];
  moreItems: boolean;
}

const emptySummary = (): RevertPlanView['summary'] => ({ checked: 0, willChange: 0, skipped: 0, byMethod: {}, skippedByReason: {} });

const count = (summary: RevertPlanView['summary'], check: ItemCheck): void => {
  summary.checked += 1;
  if (check.decision === 'will-change') {
    summary.willChange += 1;
    summary.byMethod[check.method] = (summary.byMethod[check.method] ?? 0) + 1;
  } else {
    summary.skipped += 1;
    summary.skippedByReason[check.reason] = (summary.skippedByReason[check.reason] ?? 0) + 1;
  }
};

/**
 * B5: the plan of a job's revert, like a bulk action's (B2): for the users the job changed, read live from the
 * directory (P5), who will be restored and how, and who is skipped and why (revertCheck). The first `itemsLimit`
 * users are read and listed; `blocked` says when the job cannot be reverted (still running, ended more than 90 days
 * ago, nothing changed). Changes nothing.
 */
export const planRevert = async (request: { jobId: string; itemsLimit: number }, deps: RevertPlanDeps): Promise<RevertPlanView> => {
  const { job, block } = await revertSource(request.jobId, deps);
  const action = inverseAction(job.spec.action);
  const changes = block === null ? await recordedChanges(job.id, deps.jobs) : [];
  const plan: RevertPlanView = { jobId: job.id, action, blocked: changes.length === 0 ? (block ?? 'nothing-to-revert') : null, total: changes.length, summary: emptySummary(), items: [], moreItems: false };
  if (plan.blocked !== null) return plan;
  const shown = changes.slice(0, request.itemsLimit);
  const target = changeTarget(deps.directory, (await deps.secrets.info())?.orgId ?? '');
  const [live, since, synced, context] = await Promise.all([
    liveUsers(shown.map((c) => c.accountId), target),
    changedSince(shown.map((c) => c.accountId), job, null, deps.audit),
    deps.users.getMany(shown.map((c) => c.accountId)),
    deps.settings.load().then((settings) => planContextFor(action, settings, deps.clock.now(), deps.groups, true)),
  ]);
  const copies = new Map(synced.map((u) => [u.accountId, u]));
  for (const change of shown) {
    const user = live.get(change.accountId);
    const check: ItemCheck = user === undefined ? { decision: 'skip', reason: 'left-org' } : revertCheck(change, user, job.spec.action, context, since.has(change.accountId));
    count(plan.summary, check);
    const person = user ?? copies.get(change.accountId);
    const groups = (check.groupIds ?? []).map((id) => change.before?.groups.find((g) => g.id === id)?.name ?? context.groupsById.get(id)?.name ?? id);
    plan.items.push({
      accountId: change.accountId,
      name: person?.name ?? null,
      email: person?.email ?? null,
      decision: check.decision,
      method: check.decision === 'will-change' ? check.method : null,
      reason: check.decision === 'skip' ? check.reason : null,
      messageKey: check.decision === 'will-change' ? `revert.methods.${check.method}` : skipReasonKey(check.reason),
      groups,
    });
  }
  plan.moreItems = changes.length > shown.length;
  return plan;
};
