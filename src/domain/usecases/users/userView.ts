import type { GroupRef, User } from '../../model/user';
import { classifyAccess, classifyInScope, classifyUser, inactiveDays, type InactivityState, type ProductScope } from '../../policy/inactivityPolicy';
import { productNameKey, type ViewContext } from './viewContext';

/** One product of a user row: last activity and its inactivity state. */
export interface UserProductView {
  productKey: string;
  resourceId: string;
  productName: string | null;
  lastActiveAt: Date | null;
  inactivity: InactivityState;
}

/** Everything the users table (U1) shows of one user, evaluated at the context's time and settings. */
export interface UserView {
  accountId: string;
  name: string;
  email: string | null;
  accountType: User['accountType'];
  accountStatus: User['accountStatus'];
  membershipStatus: User['membershipStatus'];
  managed: boolean;
  billable: boolean;
  addedToOrgAt: Date | null;
  /** The product `lastActiveAt`, `inactivity` and `inactiveDays` are of (the list's product filter); null: all products. */
  activityProduct: string | null;
  lastActiveAt: Date | null;
  inactivity: InactivityState;
  inactiveDays: number | null;
  products: UserProductView[];
  groups: GroupRef[];
  protected: boolean;
  adminUrl: string | null;
}

const latest = (accesses: User['productAccess']): Date | null =>
  accesses.reduce<Date | null>((acc, a) => (a.lastActiveAt && (!acc || a.lastActiveAt > acc) ? a.lastActiveAt : acc), null);

/** The user's page in admin.atlassian.com. */
export const adminUrlOf = (orgId: string | null, accountId: string): string | null =>
  orgId === null ? null : `https://admin.atlassian.com/o/${encodeURIComponent(orgId)}/users/${encodeURIComponent(accountId)}`;

/**
 * Maps a synced user to the row the admin page shows. With `productKey` (a list filtered on a product, I1), the
 * row's last activity, state and days are that product's, the ones the filter used; a user without the product
 * keeps the overall ones.
 */
export const toUserView = (user: User, context: ViewContext, productKey?: string): UserView => {
  const scope: ProductScope = productKey === undefined ? 'all' : [productKey];
  const scoped = classifyInScope(user, scope, context.thresholds, context.now);
  const activityProduct = scoped === null ? null : (productKey ?? null);
  const accesses = activityProduct === null ? user.productAccess : user.productAccess.filter((a) => a.productKey === activityProduct);
  return {
    accountId: user.accountId,
    name: user.name,
    email: user.email,
    accountType: user.accountType,
    accountStatus: user.accountStatus,
    membershipStatus: user.membershipStatus,
    managed: user.managed,
    billable: user.billable,
    addedToOrgAt: user.addedToOrgAt,
    activityProduct,
    lastActiveAt: latest(accesses),
    inactivity: scoped ?? classifyUser(user, context.thresholds, context.now),
    inactiveDays: inactiveDays(user, context.now, activityProduct === null ? 'all' : [activityProduct]),
    products: user.productAccess.map((access) => ({
      productKey: access.productKey,
      resourceId: access.resourceId,
      productName: context.productNames.get(productNameKey(access.productKey, access.resourceId)) ?? null,
      lastActiveAt: access.lastActiveAt,
      inactivity: classifyAccess(user, access, context.thresholds, context.now),
    })),
    groups: user.groups,
    protected: context.protectedEmails.isProtected(user.email),
    adminUrl: adminUrlOf(context.orgId, user.accountId),
  };
};
