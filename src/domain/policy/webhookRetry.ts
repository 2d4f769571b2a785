/**
 * When a failed delivery is tried again (docs/webhooks.md, "Delivery"). The waits before attempts 2, 3, ...:
 * 30 s, 1, 2, 5, 10, 15, 15 and 15 minutes — nine attempts over about 63 minutes, each wait within the queue's
 * 900-second delay limit. A `Retry-After` longer than the planned wait is honoured up to that limit, but never past
 * MAX_SPAN_SECONDS after the delivery was created: a wait that no longer fits there gives up instead.
 */
export const RETRY_DELAYS_SECONDS = [30, 60, 120, 300, 600, 900, 900, 900] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
const MAX_DELAY_SECONDS = 900;
/** No attempt starts later than this after its delivery was created (the plan alone takes about 63 minutes). */
export const MAX_SPAN_SECONDS = 65 * 60;

/** What one attempt came back with: an HTTP status, or no answer at all (network error, timeout). */
export type AttemptResult = { kind: 'answered'; status: number; retryAfterSeconds: number | null } | { kind: 'no-answer'; error: 'NETWORK' | 'TIMEOUT' };

/**
 * `delivered` on 2xx; `rejected` (never retried) on 401, 403 and 404 — the URL or secret is wrong, or the rule is
 * disabled or deleted; `retry` on 429, 5xx, 408 and when nothing answered; `failed` on any other status (the
 * request itself is wrong: retrying sends the same).
 */
export type AttemptVerdict = 'delivered' | 'rejected' | 'retry' | 'failed';

export const verdictOf = (result: AttemptResult): AttemptVerdict => {
  if (result.kind === 'no-answer') return 'retry';
  const { status } = result;
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 401 || status === 403 || status === 404) return 'rejected';
  if (status === 429 || status === 408 || status >= 500) return 'retry';
  return 'failed';
};

/**
 * The wait before the next attempt after `attempts` attempts, `elapsedMs` after the delivery was created, or null
 * when the delivery gives up. `result` is null when the attempt was not sent (nothing asked for a longer wait).
 */
export const retryDelaySeconds = (attempts: number, result: AttemptResult | null, elapsedMs: number): number | null => {
  const planned = RETRY_DELAYS_SECONDS[attempts - 1];
  if (planned === undefined) return null;
  const asked = result?.kind === 'answered' ? (result.retryAfterSeconds ?? 0) : 0;
  const left = MAX_SPAN_SECONDS - Math.ceil(elapsedMs / 1000);
  const delay = Math.min(MAX_DELAY_SECONDS, Math.max(planned, asked), left);
  return delay < planned ? null : delay;
};

/** The stable codes a failed attempt is logged with (`webhooks.errors.<code>`). */
export const deliveryErrors = ['TARGET_REJECTED', 'RATE_LIMITED', 'SERVER_ERROR', 'REQUEST_REFUSED', 'NETWORK', 'TIMEOUT', 'TARGET_REMOVED', 'NOT_SENT'] as const;
export type DeliveryError = (typeof deliveryErrors)[number];

/** The stable code a failed attempt is logged with. */
export const errorCodeOf = (result: AttemptResult): DeliveryError => {
  if (result.kind === 'no-answer') return result.error;
  const verdict = verdictOf(result);
  if (verdict === 'rejected') return 'TARGET_REJECTED';
  if (result.status === 429) return 'RATE_LIMITED';
  return verdict === 'retry' ? 'SERVER_ERROR' : 'REQUEST_REFUSED';
};
