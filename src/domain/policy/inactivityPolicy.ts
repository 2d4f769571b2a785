import { differenceInMilliseconds } from 'date-fns';
import type { ProductKey } from '../model/product';
import type { Settings } from '../model/settings';
import type { ProductAccess, User } from '../model/user';

export const inactivityStates = ['active', 'warning', 'overdue', 'never-active', 'new', 'unknown'] as const;
/**
 * Overall or per-product inactivity of a user (ARCHITECTURE §3). `new`: no activity yet, added to the org less than
 * the warning threshold ago (I1). `new` and `unknown` are never inactive.
 */
export type InactivityState = (typeof inactivityStates)[number];

export type InactivityThresholds = Readonly<Settings['inactivity']>;

/** Which products an inactivity rule looks at: a set of product keys, or every product the user has. */
export type ProductScope = readonly ProductKey[] | 'all';

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * Whole days elapsed between `since` and `now`: complete 24-hour periods, independent of time zone and
 * daylight saving; never negative (a timestamp in the future counts as 0 days).
 */
export const elapsedDays = (since: Date, now: Date): number =>
  Math.max(0, Math.floor(differenceInMilliseconds(now, since) / MS_PER_DAY));

/** Maps a number of inactive days onto the thresholds; checked from the most severe down, so it is monotone. */
export const stateForDays = (days: number, thresholds: InactivityThresholds): 'active' | 'warning' | 'overdue' => {
  if (days >= thresholds.overdueDays) return 'overdue';
  if (days >= thresholds.warningDays) return 'warning';
  return 'active';
};

/** warning, overdue and never-active are inactive; active, new and unknown are not. */
export const isInactive = (state: InactivityState): boolean =>
  state === 'warning' || state === 'overdue' || state === 'never-active';

const inScope = (access: ProductAccess, scope: ProductScope): boolean =>
  scope === 'all' || scope.includes(access.productKey);

const latestActivity = (accesses: readonly ProductAccess[]): Date | null => {
  let latest: Date | null = null;
  for (const { lastActiveAt } of accesses) {
    if (lastActiveAt && (latest === null || lastActiveAt > latest)) latest = lastActiveAt;
  }
  return latest;
};

/** Added to the org less than `warningDays` whole days ago (an unknown added date is not new). */
const isNewcomer = (user: User, thresholds: InactivityThresholds, now: Date): boolean =>
  user.addedToOrgAt !== null && elapsedDays(user.addedToOrgAt, now) < thresholds.warningDays;

const classifyAccesses = (
  user: User,
  accesses: readonly ProductAccess[],
  thresholds: InactivityThresholds,
  now: Date,
): InactivityState => {
  if (!user.activityKnown) return 'unknown';
  const latest = latestActivity(accesses);
  if (latest !== null) return stateForDays(elapsedDays(latest, now), thresholds);
  return isNewcomer(user, thresholds, now) ? 'new' : 'never-active';
};

/** State of one product access entry of `user` (the user's `activityKnown` decides `unknown`). */
export const classifyAccess = (
  user: User,
  access: ProductAccess,
  thresholds: InactivityThresholds,
  now: Date,
): InactivityState => classifyAccesses(user, [access], thresholds, now);

/**
 * State of `user` for one product (most recent activity over every site of that product), or null when
 * the user has no access to it.
 */
export const classifyProduct = (
  user: User,
  productKey: ProductKey,
  thresholds: InactivityThresholds,
  now: Date,
): InactivityState | null => classifyInScope(user, [productKey], thresholds, now);

/**
 * Overall state: the most recent activity across all products; no activity at all is `new` within `warningDays` of
 * being added to the org, `never-active` after.
 */
export const classifyUser = (user: User, thresholds: InactivityThresholds, now: Date): InactivityState =>
  classifyAccesses(user, user.productAccess, thresholds, now);

/** State of `user` in `scope`: overall, or over the accesses to those products (null when the user has none). */
export const classifyInScope = (
  user: User,
  scope: ProductScope,
  thresholds: InactivityThresholds,
  now: Date,
): InactivityState | null => {
  if (scope === 'all') return classifyUser(user, thresholds, now);
  const accesses = user.productAccess.filter((a) => inScope(a, scope));
  return accesses.length === 0 ? null : classifyAccesses(user, accesses, thresholds, now);
};

/**
 * Days the user has been inactive in `scope`: since the most recent activity in those products, or since
 * `addedToOrgAt` when there is none (never-active). null — which never counts as inactive — when activity is
 * unknown, when never-active with no `addedToOrgAt`, or when a product set is given and the user has none
 * of those products.
 */
export const inactiveDays = (user: User, now: Date, scope: ProductScope = 'all'): number | null => {
  if (!user.activityKnown) return null;
  const accesses = user.productAccess.filter((a) => inScope(a, scope));
  if (scope !== 'all' && accesses.length === 0) return null;
  const since = latestActivity(accesses) ?? user.addedToOrgAt;
  return since === null ? null : elapsedDays(since, now);
};

/** True when the user is known to have been inactive in `scope` for at least `minDays` whole days. */
export const isInactiveForAtLeast = (user: User, minDays: number, now: Date, scope: ProductScope = 'all'): boolean => {
  const days = inactiveDays(user, now, scope);
  return days !== null && days >= minDays;
};
