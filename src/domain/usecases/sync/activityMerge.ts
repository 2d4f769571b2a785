import { productFamily } from '../../model/product';
import type { User } from '../../model/user';
import type { UserActivity } from '../../ports/directoryReader';
import type { UserRepository } from '../../ports/userRepository';

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

const accessKey = (access: { productKey: string; resourceId: string }): string => `${access.productKey}\u0000${access.resourceId}`;

const later = (a: Date | null, b: Date | null): Date | null => (a === null || (b !== null && b > a) ? b : a);

/**
 * A user users/search gave no activity for, with the activity the synced copy already knows (FEATURES Y5: a users
 * sync without last-active does not forget what the fallback read). Kept only while the stored user's access covers
 * every product the search gives now; with a product or site new to them, the user stays unknown until the
 * fallback reads them again.
 */
export const withStoredActivity = (fresh: User, stored: User): User => {
  if (fresh.activityKnown || !stored.activityKnown) return fresh;
  const dates = new Map(stored.productAccess.map((a) => [accessKey(a), a.lastActiveAt]));
  if (fresh.productAccess.some((a) => !dates.has(accessKey(a)))) return fresh;
  return {
    ...fresh,
    activityKnown: true,
    productAccess: fresh.productAccess.map((a) => ({ ...a, lastActiveAt: later(a.lastActiveAt, dates.get(accessKey(a)) ?? null) })),
  };
};

/** A page of users/search users, each without activity merged with what the synced copy knows ({@link withStoredActivity}). */
export const keepStoredActivity = async (users: readonly User[], stored: Pick<UserRepository, 'getMany'>): Promise<User[]> => {
  const unknown = users.filter((u) => !u.activityKnown).map((u) => u.accountId);
  if (unknown.length === 0) return [...users];
  const known = new Map((await stored.getMany(unknown)).map((u) => [u.accountId, u]));
  return users.map((u) => {
    const copy = known.get(u.accountId);
    return copy === undefined ? u : withStoredActivity(u, copy);
  });
};
