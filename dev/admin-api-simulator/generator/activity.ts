import type { Rng } from '../rng';

const DAY = 86_400_000;

/** When the user joined the org: spread over six years, a few in the last week. */
export function addedToOrgAt(rng: Rng, now: number): number {
  const daysAgo = rng.chance(0.03) ? rng.next() * 7 : rng.next() * 6 * 365;
  return Math.floor(now - daysAgo * DAY);
}

/**
 * Last activity in one product, or NaN for "never active". Most users are recent, some months or years back;
 * suspended users lean older; nobody is active before joining or after `now`.
 */
export function lastActiveAt(rng: Rng, now: number, added: number, suspended: boolean): number {
  const recentlyAdded = now - added < 7 * DAY;
  if (rng.chance(recentlyAdded ? 0.4 : 0.06)) return Number.NaN;
  const r = rng.next();
  let daysAgo: number;
  if (r < (suspended ? 0.15 : 0.55)) daysAgo = Math.min(rng.exponential(6), 30);
  else if (r < (suspended ? 0.5 : 0.8)) daysAgo = 30 + rng.next() * 335;
  else daysAgo = 365 + rng.next() * 3 * 365;
  const at = Math.floor(now - daysAgo * DAY - rng.next() * DAY);
  return Math.min(now, Math.max(added, at));
}
