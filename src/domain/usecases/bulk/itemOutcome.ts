import type { AuditAction, AuditActor, AuditEntry } from '../../model/audit';
import { isDomainError, type ErrorCode } from '../../model/errors';
import type { User } from '../../model/user';
import type { ActionMethod, BulkAction, PlanContext } from '../../policy/actionEligibility';
import type { JobItemResult } from '../../ports/jobRepository';
import type { ChangeTarget } from './executeChange';
import { itemAuditId } from './stableId';

/**
 * What happened to one user of a job: changed by a method, skipped with a reason, or failed with an error code
 * (and the method it tried, if it got that far).
 */
export type ItemOutcome =
  | { kind: 'changed'; method: ActionMethod }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; code: ErrorCode; method: ActionMethod | null };

/** One user's outcome with what it writes: its audit entry and (after a change) the updated synced copy. */
export interface ProcessedItem {
  accountId: string;
  outcome: ItemOutcome;
  audit: AuditEntry;
  updated: User | null;
}

/** The re-check of one user: change it (how), or skip it with a stable reason code. */
export type ItemCheck =
  | { decision: 'will-change'; method: ActionMethod; groupIds: readonly string[] }
  | { decision: 'skip'; reason: string; groupIds?: readonly string[] };

/**
 * P5 for an automated task's job: every user of a batch is read live (state and activity) and re-checked against
 * the task's rule, not only the started ones against the bulk plan's checks.
 */
export interface LiveRecheck {
  readLive(accountIds: readonly string[]): Promise<Map<string, User>>;
  check(user: User): ItemCheck;
}

/** What every item of a slice shares: the job, its action and actor, the plan rules, where changes are made. */
export interface ItemEnv {
  jobId: string;
  action: BulkAction;
  actor: AuditActor;
  context: PlanContext;
  target: ChangeTarget;
  now: () => Date;
  /** Set for a task's job and a revert; a bulk action re-checks the synced copy (live for started items). */
  recheck?: LiveRecheck;
  /** A revert's (B5): the job it reverts, which every audit entry of its items names. */
  revertsJobId?: string;
}

const actionOfMethod: Record<ActionMethod, AuditAction> = {
  'lifecycle-disable': 'user.deactivate',
  'lifecycle-enable': 'user.reactivate',
  'directory-suspend': 'user.suspend',
  'directory-restore': 'user.restore',
  'role-revoke': 'product.revoke',
  'group-remove': 'group.remove-member',
  'role-assign': 'product.assign',
  'group-add': 'group.add-member',
};
const actionOfType: Record<BulkAction['type'], AuditAction> = {
  deactivate: 'user.deactivate',
  reactivate: 'user.reactivate',
  'revoke-product': 'product.revoke',
  'assign-product': 'product.assign',
};

const methodOf = (outcome: ItemOutcome): ActionMethod | null => (outcome.kind === 'skipped' ? null : outcome.method);

/** The item's row as the job's results show it. */
export const itemResult = (accountId: string, outcome: ItemOutcome): JobItemResult => {
  switch (outcome.kind) {
    case 'changed':
      return { accountId, outcome: 'succeeded', reason: null };
    case 'skipped':
      return { accountId, outcome: 'skipped', reason: outcome.reason };
    case 'failed':
      return { accountId, outcome: 'failed', reason: outcome.code };
  }
};

/** The names of the groups a change removes the user from, for its audit sentence (A5); none for other changes. */
export const groupDetails = (env: ItemEnv, groupIds: readonly string[]): AuditEntry['details'] =>
  groupIds.length === 0 ? {} : { groupNames: JSON.stringify(groupIds.map((id) => env.context.groupsById.get(id)?.name ?? id)) };

/** An outcome with its audit entry, whose id is derived from job and user: a retry writes the same entry again. */
export const processedItem = (
  env: ItemEnv,
  accountId: string,
  outcome: ItemOutcome,
  updated: User | null = null,
  extra: AuditEntry['details'] = {},
): ProcessedItem => {
  const product = env.action.type === 'revoke-product' || env.action.type === 'assign-product' ? env.action : null;
  const method = methodOf(outcome);
  const { outcome: auditOutcome, reason } = itemResult(accountId, outcome);
  const audit: AuditEntry = {
    id: itemAuditId(env.jobId, accountId),
    at: env.now(),
    actor: env.actor,
    action: method === null ? actionOfType[env.action.type] : actionOfMethod[method],
    targetAccountId: accountId,
    outcome: auditOutcome,
    reason,
    details: {
      bulkAction: env.action.type,
      method,
      productKey: product?.productKey ?? null,
      resourceId: product?.resourceId ?? null,
      ...(env.revertsJobId === undefined ? {} : { revertsJobId: env.revertsJobId }),
      ...extra,
    },
    jobId: env.jobId,
  };
  return { accountId, outcome, audit, updated };
};

/**
 * The stable code of a failed change. A 403 on one user (an org admin, a SCIM-provisioned account, an IdP group)
 * is about that user, not the key: FORBIDDEN. The directory's own code and reason go to the audit details.
 */
export const failureOf = (error: unknown): { code: ErrorCode; apiCode: string | null; apiReason: string | null } => {
  if (!isDomainError(error)) return { code: 'INTERNAL', apiCode: null, apiReason: null };
  const text = (key: string): string | null => {
    const value = error.details?.[key];
    return typeof value === 'string' ? value.slice(0, 200) : null;
  };
  return { code: error.code === 'API_KEY_FORBIDDEN' ? 'FORBIDDEN' : error.code, apiCode: text('apiCode'), apiReason: text('reason') };
};
