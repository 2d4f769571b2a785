import type { InactivityState, InactivityThresholds } from '../../../domain/policy/inactivityPolicy';
import { foldEmail } from '../../../domain/policy/protectedEmails';
import type { User } from '../../../domain/model/user';
import type { SqlFragment } from '../sql/sqlValues';

const MAX_KEY_CHARS = 255;
const DAY_MS = 24 * 60 * 60 * 1000;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The folding of names and search words: NFKD, accents dropped, lower case, single spaces, trimmed. */
export const foldText = (text: string): string =>
  // Printable ASCII has nothing to decompose or drop: the same result, far cheaper.
  PRINTABLE_ASCII.test(text)
    ? text.toLowerCase().replace(/ {2,}/g, ' ').trim()
    : text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();

/** Search and sort key of a name: {@link foldText}, ≤ 255 code points. */
export const nameKey = (name: string): string => {
  const folded = foldText(name);
  // Printable ASCII has no surrogate pairs; otherwise VARCHAR(255) counts code points: cut without splitting a pair.
  return PRINTABLE_ASCII.test(folded) ? folded.slice(0, MAX_KEY_CHARS) : Array.from(folded).slice(0, MAX_KEY_CHARS).join('');
};

/** The folded email (the same folding the protected-email whitelist uses) and its domain. */
export const emailKeys = (email: string | null): { emailKey: string; emailDomain: string } => {
  if (email === null) return { emailKey: '', emailDomain: '' };
  const emailKey = foldEmail(email);
  const at = emailKey.lastIndexOf('@');
  return { emailKey, emailDomain: at < 1 ? '' : emailKey.slice(at + 1) };
};

/**
 * A never-active user's key holds the day they were added: `NEVER_ACTIVE_FROM + (ADDED_SPAN - 1 - addedMs)`, so
 * the most recently added come first and a user added at an unknown time (taken as 0) last, at
 * `NEVER_ACTIVE_TO`. 2^45 ms reach past the year 3000. The keys 1 and 2 of the first schema are left unused
 * (migration v017 rewrote them).
 */
const ADDED_SPAN = 2 ** 45;
export const NEVER_ACTIVE_FROM = 3;
export const NEVER_ACTIVE_TO = NEVER_ACTIVE_FROM + ADDED_SPAN - 1;
export const UNKNOWN_KEY = NEVER_ACTIVE_TO + 1;

/** The never-active key of a user added at `addedMs` (epoch ms; outside the span, taken as unknown). */
const neverActiveKey = (addedMs: number): number =>
  NEVER_ACTIVE_FROM + ADDED_SPAN - 1 - (addedMs > 0 && addedMs < ADDED_SPAN ? addedMs : 0);

/** neverActiveKey in SQL, over an `added_key` column (-1 when the added date is unknown). */
export const neverActiveKeySql = (addedKeyColumn: string): string =>
  `${String(NEVER_ACTIVE_FROM + ADDED_SPAN - 1)} - (CASE WHEN ${addedKeyColumn} > 0 AND ${addedKeyColumn} < ${String(ADDED_SPAN)} THEN ${addedKeyColumn} ELSE 0 END)`;

/**
 * One number that orders users from most to least recently active: `-lastActiveMs` for known activity
 * (always ≤ -1), then never-active by the day they were added (most recent first), then unknown. Every
 * inactivity state (`new` too) is a range of it at any threshold, so filters, sorts and dashboard counts are
 * index ranges computed at query time.
 */
export const inactivityKey = (activityKnown: boolean, lastActiveAt: Date | null, addedToOrgAt: Date | null): number => {
  if (!activityKnown) return UNKNOWN_KEY;
  if (lastActiveAt === null) return neverActiveKey(addedToOrgAt?.getTime() ?? 0);
  return -Math.max(1, lastActiveAt.getTime());
};

/**
 * What an inactivity key says without the user: whether their activity is known, and since when they have been
 * inactive — the last activity, or the day they were added when they never used it (null when that is unknown).
 */
export const keySince = (key: number): { activityKnown: boolean; since: Date | null } => {
  if (key >= UNKNOWN_KEY) return { activityKnown: false, since: null };
  if (key < NEVER_ACTIVE_FROM) return { activityKnown: true, since: new Date(-key) };
  const addedMs = NEVER_ACTIVE_FROM + ADDED_SPAN - 1 - key;
  return { activityKnown: true, since: addedMs > 0 ? new Date(addedMs) : null };
};

/** The user's most recent activity over every product and site. */
export const lastActivity = (user: User): Date | null =>
  user.productAccess.reduce<Date | null>(
    (latest, a) => (a.lastActiveAt !== null && (latest === null || a.lastActiveAt > latest) ? a.lastActiveAt : latest),
    null,
  );

/** Sort key of `addedToOrgAt` (-1 when unknown, so those sort first ascending). */
export const addedKey = (addedToOrgAt: Date | null): number => (addedToOrgAt === null ? -1 : addedToOrgAt.getTime());

/**
 * The keys where `warning`, `overdue` and `never-active` begin at `now` (keys below `warningFrom` are active;
 * from NEVER_ACTIVE_FROM up to `neverActiveFrom` are new: added less than `warningDays` ago).
 */
export const stateBounds = (
  thresholds: InactivityThresholds,
  now: Date,
): { warningFrom: number; overdueFrom: number; neverActiveFrom: number } => {
  const warningSince = now.getTime() - thresholds.warningDays * DAY_MS;
  return {
    warningFrom: -warningSince,
    overdueFrom: -(now.getTime() - thresholds.overdueDays * DAY_MS),
    // New: added after warningSince, i.e. a key below the key of that instant.
    neverActiveFrom: neverActiveKey(warningSince),
  };
};

/**
 * The `inactivity_key` range of each state at `now`, mirroring inactivityPolicy: a user is warning after
 * `warningDays` whole days, i.e. when lastActive ≤ now − warningDays, and new while added after that instant.
 * Keys are integers, so each range is one BETWEEN that names `key` once (`key` may be a parameterised subquery).
 */
export const stateRange = (
  key: SqlFragment,
  state: InactivityState,
  thresholds: InactivityThresholds,
  now: Date,
): SqlFragment => {
  const { warningFrom, overdueFrom, neverActiveFrom } = stateBounds(thresholds, now);
  const between = (low: number, high: number): SqlFragment => ({
    sql: `${key.sql} BETWEEN ? AND ?`,
    params: [...key.params, low, high],
  });
  switch (state) {
    case 'active':
      return { sql: `${key.sql} < ?`, params: [...key.params, warningFrom] };
    case 'warning':
      return between(warningFrom, overdueFrom - 1);
    case 'overdue':
      return between(overdueFrom, -1);
    case 'new':
      return between(NEVER_ACTIVE_FROM, neverActiveFrom - 1);
    case 'never-active':
      return between(neverActiveFrom, NEVER_ACTIVE_TO);
    case 'unknown':
      return between(UNKNOWN_KEY, UNKNOWN_KEY);
  }
};
