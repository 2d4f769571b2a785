import { DomainError } from '../../model/errors';
import type { GroupRef, User } from '../../model/user';
import type { ActionMethod, BulkAction } from '../../policy/actionEligibility';
import type { DirectoryActions } from '../../ports/directoryActions';
import type { ItemBefore } from '../../ports/jobRepository';

/** The product role the app assigns and revokes ("product access"). */
export const PRODUCT_ROLE = 'atlassian/user';

/** Where a change is made: the org and (read once per slice, on first need) its directories. */
export interface ChangeTarget {
  directory: DirectoryActions;
  orgId: string;
  directoryIds: () => Promise<string[]>;
}

/** The target for the org `orgId` of `directory`, whose directories are listed once, on first need. */
export const changeTarget = (directory: DirectoryActions, orgId: string): ChangeTarget => {
  let directories: Promise<string[]> | null = null;
  return { directory, orgId, directoryIds: () => (directories ??= directory.listDirectories(orgId).then((ds) => ds.map((d) => d.id))) };
};

/** Directory-level calls: try each directory until one knows the user (404 means "not in this directory"). */
const inSomeDirectory = async (target: ChangeTarget, call: (directoryId: string) => Promise<void>): Promise<void> => {
  const ids = await target.directoryIds();
  for (const [index, id] of ids.entries()) {
    try {
      await call(id);
      return;
    } catch (error) {
      const notHere = error instanceof DomainError && error.code === 'NOT_FOUND';
      if (!notHere || index === ids.length - 1) throw error;
    }
  }
  throw new DomainError('NOT_FOUND', 'The organization has no directory');
};

const productOf = (action: BulkAction): { productKey: string; resourceId: string } => {
  if (action.type === 'revoke-product' || action.type === 'assign-product') return action;
  throw new DomainError('INTERNAL', `No product in a ${action.type} action`);
};

/** Carries out one planned change through DirectoryActions; resolves only when the directory has it. */
export const executeChange = async (
  method: ActionMethod,
  user: User,
  groupIds: readonly string[],
  action: BulkAction,
  target: ChangeTarget,
): Promise<void> => {
  const { directory, orgId } = target;
  const id = user.accountId;
  switch (method) {
    case 'lifecycle-disable':
      return directory.deactivateAccount(id);
    case 'lifecycle-enable':
      return directory.reactivateAccount(id);
    case 'directory-suspend':
      return inSomeDirectory(target, (d) => directory.suspendUser(orgId, d, id));
    case 'directory-restore':
      return inSomeDirectory(target, (d) => directory.restoreUser(orgId, d, id));
    case 'role-revoke':
      return directory.revokeProductRole(orgId, id, productOf(action).resourceId, PRODUCT_ROLE);
    case 'role-assign':
      return directory.assignProductRole(orgId, id, productOf(action).resourceId, PRODUCT_ROLE);
    case 'group-remove': {
      // A group lives in one directory; removal elsewhere answers 404, which the gateway treats as done.
      const directories = await target.directoryIds();
      for (const groupId of groupIds) for (const d of directories) await directory.removeGroupMember(orgId, d, groupId, id);
      return;
    }
    case 'group-add':
      // Only the groups the user is not in (an earlier delivery may have added some); the group's own directory
      // takes the user back, the others answer 404.
      for (const groupId of groupIds.filter((g) => !user.groups.some((u) => u.id === g))) {
        await inSomeDirectory(target, (d) => directory.addGroupMember(orgId, d, groupId, id));
      }
      return;
  }
};

/** The synced copy of the user after a successful change, so lists and plans show it before the next sync. */
export const changedUser = (
  method: ActionMethod,
  user: User,
  groupIds: readonly string[],
  action: BulkAction,
  known: readonly GroupRef[] = [],
): User => {
  const without = (a: User['productAccess'][number]): boolean => {
    const { productKey, resourceId } = productOf(action);
    return !(a.productKey === productKey && a.resourceId === resourceId);
  };
  switch (method) {
    case 'lifecycle-disable':
      return { ...user, accountStatus: 'inactive', billable: false };
    case 'lifecycle-enable':
      return { ...user, accountStatus: 'active' };
    case 'directory-suspend':
      return { ...user, membershipStatus: 'suspended', billable: false };
    case 'directory-restore':
      return { ...user, membershipStatus: 'active' };
    case 'role-revoke':
      return { ...user, productAccess: user.productAccess.filter(without) };
    case 'group-remove':
      return { ...user, groups: user.groups.filter((g) => !groupIds.includes(g.id)), productAccess: user.productAccess.filter(without) };
    case 'role-assign':
    case 'group-add': {
      const { productKey, resourceId } = productOf(action);
      const access = { productKey, resourceId, lastActiveAt: null };
      const added = groupIds.filter((id) => !user.groups.some((g) => g.id === id)).map((id) => ({ id, name: known.find((g) => g.id === id)?.name ?? id }));
      const withGroups = { ...user, groups: [...user.groups, ...added] };
      return user.productAccess.every(without) ? { ...withGroups, productAccess: [...user.productAccess, access] } : withGroups;
    }
  }
};

/**
 * What a change of `user` finds before it is made (B5: what a revert restores): the account, its membership, whether
 * it has the action's product, and the groups the change touches with their names (the user's, else `groupsById`'s).
 */
export const stateBefore = (
  user: User,
  groupIds: readonly string[],
  action: BulkAction,
  groupsById: ReadonlyMap<string, { name: string }>,
): ItemBefore => {
  const product = action.type === 'revoke-product' || action.type === 'assign-product' ? action : null;
  return {
    accountStatus: user.accountStatus,
    membershipStatus: user.membershipStatus,
    hadProduct: product === null ? null : user.productAccess.some((a) => a.productKey === product.productKey && a.resourceId === product.resourceId),
    groups: groupIds.map((id) => ({ id, name: user.groups.find((g) => g.id === id)?.name ?? groupsById.get(id)?.name ?? id })),
  };
};

/** Whether the directory's live `user` already has the change `method` makes (e.g. a call that landed before a crash). */
export const changeIsThere = (method: ActionMethod, user: User, groupIds: readonly string[], action: BulkAction): boolean => {
  const hasProduct = (): boolean => {
    const { productKey, resourceId } = productOf(action);
    return user.productAccess.some((a) => a.productKey === productKey && a.resourceId === resourceId);
  };
  switch (method) {
    case 'lifecycle-disable':
      return user.accountStatus !== 'active';
    case 'lifecycle-enable':
      return user.accountStatus === 'active';
    case 'directory-suspend':
      return user.membershipStatus === 'suspended';
    case 'directory-restore':
      return user.membershipStatus === 'active';
    case 'role-revoke':
      return !hasProduct();
    case 'role-assign':
      return hasProduct();
    case 'group-remove':
      return !user.groups.some((g) => groupIds.includes(g.id));
    case 'group-add':
      return groupIds.every((id) => user.groups.some((g) => g.id === id));
  }
};
