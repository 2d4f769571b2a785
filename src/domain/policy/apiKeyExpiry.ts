/** The settings page shows a warning banner when this many days or fewer are left (FEATURES S1). */
export const WARNING_WINDOW_DAYS = 14;
/** The "API key expiring in 7 days" notice (FEATURES S7) goes out once this many days or fewer are left. */
export const NOTICE_DAYS = 7;

export type ExpiryStatus = 'unknown' | 'ok' | 'warning' | 'expired';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days left until `expiresAt`, rounded down: 0 in the last 24 hours, negative once expired
 * (-1 in the first day after expiry). It is the number the admin page shows.
 */
export const daysLeft = (expiresAt: Date, now: Date): number =>
  Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS);

/** `unknown` without an expiry date; `expired` from the expiry instant; `warning` when daysLeft ≤ 14; else `ok`. */
export const expiryStatus = (expiresAt: Date | null, now: Date): ExpiryStatus => {
  if (expiresAt === null) return 'unknown';
  if (now >= expiresAt) return 'expired';
  return daysLeft(expiresAt, now) <= WARNING_WINDOW_DAYS ? 'warning' : 'ok';
};

/**
 * Whether to send the 7-day expiry notice now: the key has not expired, daysLeft ≤ 7, and no notice went out for
 * this same expiry instant (`lastNoticeFor` is the `expiresAt` the last notice was about, so a replaced key with a
 * new expiry gets its own notice). A key entered already expired gets no notice; the banner covers it.
 */
export const shouldSendSevenDayNotice = (expiresAt: Date | null, now: Date, lastNoticeFor: Date | null): boolean => {
  if (expiresAt === null || now >= expiresAt) return false;
  if (lastNoticeFor !== null && lastNoticeFor.getTime() === expiresAt.getTime()) return false;
  return daysLeft(expiresAt, now) <= NOTICE_DAYS;
};

/** What a 401 on the stored key means, as far as its expiry tells: the Admin API answers every refusal alike. */
export type KeyRefusal = 'API_KEY_EXPIRED' | 'API_KEY_REVOKED' | 'API_KEY_REJECTED';

/**
 * Why Atlassian refuses a key it accepted when it was saved (the stored key, expiring at `expiresAt`): past its
 * expiry it has expired; before it, it was revoked. Without a known expiry (or for a pasted key, never accepted)
 * the 401 says no more than "not accepted": unknown, mistyped, expired or revoked.
 */
export const keyRefusal = (expiresAt: Date | null, now: Date): KeyRefusal => {
  if (expiresAt === null) return 'API_KEY_REJECTED';
  return now >= expiresAt ? 'API_KEY_EXPIRED' : 'API_KEY_REVOKED';
};
