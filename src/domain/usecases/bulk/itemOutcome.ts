import type { AuditAction, AuditActor, AuditEntry } from '../../model/audit';
import { isDomainError } from '../../model/errors';
import type { User } from '../../model/user';
import { recheckItem, type ActionMethod, type BulkAction, type PlanContext } from '../../policy/actionEligibility';
import type { JobItemResult } from '../../ports/jobRepository';
import { changedUser, executeChange, type ChangeTarget } from './executeChange';
import { itemAuditId } from './stableId';

const actionOfMethod: Record<ActionMethod, AuditAction> = {
  'lifecycle-disable': 'user.deactivate',
  'lifecycle-enable': 'user.reactivate',
  'directory-suspend': 'user.suspend',
  'directory-restore': 'user.restore',
  'role-revoke': 'product.revoke',
  'group-remove': 'group.remove-member',
  'role-assign': 'product.assign',
};
const actionOfType: Record<BulkAction['type'], AuditAction> = {
  deactivate: 'user.deactivate',
  reactivate: 'user.reactivate',
  'revoke-product': 'product.revoke',
  'assign-product': 'product.assign',
};

/** One user's result: the item's row, its audit entry and (after a change) the updated synced copy. */
export interface ItemOutcome {
  result: JobItemResult;
  audit: AuditEntry;
  updated: User | null;
}

/** Thrown to stop the slice: the directory asked us to wait; the item stays pending (not recorded, not audited). */
export class SliceInterrupted extends Error {
  constructor(readonly reason: unknown) {
    super('slice interrupted');
  }
}

/** Codes that fail every later item too: the job stops, remaining items fail with the same code. */
export const FATAL_CODES = new Set(['API_KEY_REJECTED', 'API_KEY_MISSING']);

/**
 * The stable reason of a failed change. A 403 on one user (an org admin, a SCIM-provisioned account, an IdP group)
 * is about that user, not the key: FORBIDDEN. The directory's own code and reason go to the audit details.
 */
const failureOf = (error: unknown): { reason: string; apiCode: string | null; apiReason: string | null } => {
  if (!isDomainError(error)) return { reason: 'INTERNAL', apiCode: null, apiReason: null };
  const text = (key: string): string | null => {
    const value = error.details?.[key];
    return typeof value === 'string' ? value.slice(0, 200) : null;
  };
  return { reason: error.code === 'API_KEY_FORBIDDEN' ? 'FORBIDDEN' : error.code, apiCode: text('apiCode'), apiReason: text('reason') };
};

export interface ItemEnv {
  jobId: string;
  action: BulkAction;
  actor: AuditActor;
  context: PlanContext;
  target: ChangeTarget;
  now: () => Date;
}

/** The audit entry of one item; its id is derived from job and user, so a re-delivered slice appends nothing new. */
export const itemAudit = (
  env: ItemEnv,
  accountId: string,
  action: AuditAction,
  result: JobItemResult,
  method: string | null,
  extra: AuditEntry['details'] = {},
): AuditEntry => {
  const product = env.action.type === 'revoke-product' || env.action.type === 'assign-product' ? env.action : null;
  return {
    id: itemAuditId(env.jobId, accountId),
    at: env.now(),
    actor: env.actor,
    action,
    targetAccountId: accountId,
    outcome: result.outcome,
    reason: result.reason,
    details: { bulkAction: env.action.type, method, productKey: product?.productKey ?? null, resourceId: product?.resourceId ?? null, ...extra },
    jobId: env.jobId,
  };
};

/**
 * Re-checks one user right before acting (protected emails first: a protected user is never changed) and carries
 * out the change. A failure is a result with the error code; RATE_LIMITED interrupts the slice instead.
 */
export const processItem = async (accountId: string, user: User | undefined, env: ItemEnv): Promise<ItemOutcome> => {
  const skipped = (reason: string, action: AuditAction): ItemOutcome => {
    const result: JobItemResult = { accountId, outcome: 'skipped', reason };
    return { result, audit: itemAudit(env, accountId, action, result, null), updated: null };
  };
  if (user === undefined) return skipped('left-org', actionOfType[env.action.type]);
  const item = recheckItem(env.action, user, env.context);
  if (item.decision === 'skip') return skipped(item.reason, actionOfType[env.action.type]);
  const action = actionOfMethod[item.method];
  try {
    await executeChange(item.method, user, item.groupIds, env.action, env.target);
  } catch (error) {
    if (isDomainError(error) && error.code === 'RATE_LIMITED') throw new SliceInterrupted(error);
    const { reason, ...api } = failureOf(error);
    const result: JobItemResult = { accountId, outcome: 'failed', reason };
    return { result, audit: itemAudit(env, accountId, action, result, item.method, api), updated: null };
  }
  const result: JobItemResult = { accountId, outcome: 'succeeded', reason: null };
  return {
    result,
    audit: itemAudit(env, accountId, action, result, item.method),
    updated: changedUser(item.method, user, item.groupIds, env.action),
  };
};
