import type { Job } from '../../model/jobs';
import { isIdpManaged, type User } from '../../model/user';
import { personProblem, type ActionMethod, type BulkAction, type PlanContext, type SkipReason } from '../../policy/actionEligibility';
import type { ItemChange } from '../../ports/jobRepository';
import { changeIsThere } from '../bulk/executeChange';
import type { ItemCheck } from '../bulk/itemOutcome';

/** B5: a finished job can be reverted for this many days after it ended (its audit log stays readable after). */
export const REVERT_WINDOW_DAYS = 90;

/** Skip reasons only a revert gives (the others are the bulk plan's: protected, left-org, already-active ...). */
export const revertSkipReasons = ['already-in-group', 'not-in-group', 'group-deleted', 'nothing-recorded', 'changed-since'] as const;
export type RevertSkipReason = (typeof revertSkipReasons)[number];

/**
 * Why a job cannot be reverted now (null when it can): still running, ended too long ago, changed nobody, already
 * reverted (its revert succeeded), or its revert is running now.
 */
export const revertBlocks = ['not-finished', 'expired', 'nothing-to-revert', 'already-reverted', 'reverting'] as const;
export type RevertBlock = (typeof revertBlocks)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether `job` can be reverted at `now`: it has ended, less than REVERT_WINDOW_DAYS before `now` (by `finishedAt`:
 * a later write to the job's record does not move the window), and changed somebody; and `revert`, its newest
 * revert if any, is neither running nor succeeded (a job is reverted once; a revert that failed for some users may
 * be run again, and skips those it restored: they changed since).
 */
export const revertBlock = (job: Job, now: Date, revert: Job | undefined): RevertBlock | null => {
  if (job.status === 'queued' || job.status === 'running') return 'not-finished';
  if (now.getTime() - (job.finishedAt ?? job.updatedAt).getTime() > REVERT_WINDOW_DAYS * DAY_MS) return 'expired';
  if (revert?.status === 'queued' || revert?.status === 'running') return 'reverting';
  if (revert?.status === 'succeeded') return 'already-reverted';
  return job.succeeded === 0 ? 'nothing-to-revert' : null;
};

/** The bulk action that undoes `action`: a deactivation by a reactivation, a revoke by an assign of the same product. */
export const inverseAction = (action: BulkAction): BulkAction => {
  switch (action.type) {
    case 'deactivate':
      return { type: 'reactivate' };
    case 'reactivate':
      return { type: 'deactivate' };
    case 'revoke-product':
      return { ...action, type: 'assign-product' };
    case 'assign-product':
      return { ...action, type: 'revoke-product' };
  }
};

/** The method that undoes each method, on the same account, product or groups. */
export const inverseMethod: Record<ActionMethod, ActionMethod> = {
  'lifecycle-disable': 'lifecycle-enable',
  'lifecycle-enable': 'lifecycle-disable',
  'directory-suspend': 'directory-restore',
  'directory-restore': 'directory-suspend',
  'role-revoke': 'role-assign',
  'role-assign': 'role-revoke',
  'group-remove': 'group-add',
  'group-add': 'group-remove',
};

/** Why a user whose change is no longer there is skipped: someone changed them back (or further) since the job. */
const changedSince: Record<ActionMethod, SkipReason | RevertSkipReason> = {
  'lifecycle-disable': 'already-active',
  'directory-suspend': 'already-active',
  'lifecycle-enable': 'already-deactivated',
  'directory-restore': 'already-deactivated',
  'role-revoke': 'already-has-access',
  'role-assign': 'no-product-access',
  'group-remove': 'already-in-group',
  'group-add': 'not-in-group',
};

const lifecycle = new Set<ActionMethod>(['lifecycle-disable', 'lifecycle-enable']);

/**
 * Whether the job's change is still there to undo. A group removal is, until the user is back in every group of it:
 * a revert whose re-adding stopped partway (or someone who re-added one group) leaves the others to put back.
 */
const stillThere = (method: ActionMethod, user: User, groupIds: readonly string[], original: BulkAction): boolean =>
  method === 'group-remove' ? !groupIds.every((id) => user.groups.some((g) => g.id === id)) : changeIsThere(method, user, groupIds, original);

/** Whether a group of the user's grants the product of `action` (a role revoke would then not take access away). */
const groupGrants = (user: User, action: BulkAction, groupsById: PlanContext['groupsById']): boolean =>
  (action.type === 'assign-product' || action.type === 'revoke-product') &&
  user.groups.some((ref) => groupsById.get(ref.id)?.grants.some((g) => g.productKey === action.productKey && g.resourceId === action.resourceId) === true);

/**
 * Whether the item's recorded `before` already had what its change makes: the call changed nothing (the directory
 * answers a disable of a disabled account or a revoke of an absent role with success), so there is nothing to undo.
 * A group change's `before` names the groups, not whether the user was in them: never judged a no-op here.
 */
const changedNothing = ({ method, before }: ItemChange): boolean => {
  if (before === null) return false;
  switch (method) {
    case 'lifecycle-disable':
      return before.accountStatus !== 'active';
    case 'lifecycle-enable':
      return before.accountStatus === 'active';
    case 'directory-suspend':
      return before.membershipStatus === 'suspended';
    case 'directory-restore':
      return before.membershipStatus === 'active';
    case 'role-revoke':
      return before.hadProduct === false;
    case 'role-assign':
      return before.hadProduct === true;
    case 'group-remove':
    case 'group-add':
      return false;
  }
};

/** What may stop undoing a group change: a group gone from the directory, or one the identity provider now owns. */
const groupProblem = (groupIds: readonly string[], groupsById: PlanContext['groupsById']): SkipReason | RevertSkipReason | null => {
  const groups = groupIds.map((id) => groupsById.get(id));
  if (groups.some((g) => g === undefined)) return 'group-deleted';
  return groups.some((g) => g !== undefined && (g.idpSynced || !g.modifiable)) ? 'idp-synced-group' : null;
};

/**
 * B5: how to undo what the reverted job (`original`, its action) did to the live `user` (`change`: its method,
 * groups and prior state), or why not: protected now, closed, left the organization; changed since by the app
 * (`changedSinceJob`: an audited change of the account after the job's, see changedSince) or by someone else
 * (the job's change is no longer there: already active again, back in the group, role re-assigned ...); or no longer
 * possible (the identity provider owns the account's lifecycle or the group, or the group was deleted). Otherwise
 * the opposite method on the same account, product or groups.
 */
export const revertCheck = (
  change: ItemChange | undefined,
  user: User,
  original: BulkAction,
  context: Pick<PlanContext, 'protectedEmails' | 'groupsById'>,
  changedSinceJob: boolean,
): ItemCheck => {
  if (change === undefined || changedNothing(change)) return { decision: 'skip', reason: 'nothing-recorded' };
  const personal = personProblem(user, context);
  if (personal !== null) return { decision: 'skip', reason: personal };
  if (changedSinceJob) return { decision: 'skip', reason: 'changed-since' };
  const { method, groupIds } = change;
  if (!stillThere(method, user, groupIds, original)) return { decision: 'skip', reason: changedSince[method] };
  // An assigned role is taken back only while it is the user's access: through a group they keep it anyway.
  if (method === 'role-assign' && groupGrants(user, original, context.groupsById)) return { decision: 'skip', reason: 'already-has-access' };
  if (lifecycle.has(method) && isIdpManaged(user)) return { decision: 'skip', reason: 'idp-managed' };
  const problem = groupIds.length === 0 ? null : groupProblem(groupIds, context.groupsById);
  if (problem !== null) return { decision: 'skip', reason: problem, groupIds };
  return { decision: 'will-change', method: inverseMethod[method], groupIds };
};
