import { productFamily } from '../../model/product';
import type { User } from '../../model/user';
import type { UserActivity } from '../../ports/directoryGateway';

/**
 * The user with the activity the last-active fallback read: each product access takes the date of the same
 * product family on the same site (null: never used it), and the activity is known from now on. Activity for
 * products the user no longer has access to is ignored; `addedToOrgAt` is kept when the fallback has none.
 */
export const withActivity = (user: User, activity: UserActivity): User => ({
  ...user,
  addedToOrgAt: activity.addedToOrgAt ?? user.addedToOrgAt,
  activityKnown: true,
  productAccess: user.productAccess.map((access) => {
    const match = activity.products.find(
      (p) => p.resourceId === access.resourceId && productFamily(p.productKey) === productFamily(access.productKey),
    );
    return { ...access, lastActiveAt: match?.lastActiveAt ?? null };
  }),
});
