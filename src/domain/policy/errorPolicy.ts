import type { ErrorCode } from '../model/errors';

/**
 * What a job does when a step fails with an error code:
 * - `retry-later`: the slice stops, keeps what it did and pushes its continuation after the wait the API asked
 *   for; the unit that failed stays pending and is tried again (no attempt is counted).
 * - `stop-job`: no later unit can succeed either; the job ends failed (a bulk job fails every remaining user with
 *   the code, a sync run fails with it).
 * - `fail-item`: only this unit failed. A bulk job records the user as failed with the code and goes on; a sync
 *   step (a page read), or a bulk slice that failed as a whole (its live read), is tried again with backoff, and
 *   the run or job fails after its last attempt.
 */
export type ErrorResponse = 'retry-later' | 'stop-job' | 'fail-item';

/**
 * The one table sync, bulk actions (and later task runs) read. A 403 on a change to one user is that user's
 * `FORBIDDEN` (an org admin, a SCIM account); `API_KEY_FORBIDDEN` is a 403 on a read, which no user can pass.
 * `LICENSE_LIMIT_REACHED` (the product has no free seat) stops the job: every later grant would be refused too.
 */
export const errorPolicy: Readonly<Record<ErrorCode, ErrorResponse>> = {
  RATE_LIMITED: 'retry-later',
  API_KEY_MISSING: 'stop-job',
  API_KEY_REJECTED: 'stop-job',
  API_KEY_FORBIDDEN: 'stop-job',
  LICENSE_LIMIT_REACHED: 'stop-job',
  VALIDATION_FAILED: 'fail-item',
  NOT_FOUND: 'fail-item',
  CONFLICT: 'fail-item',
  FORBIDDEN: 'fail-item',
  NOT_JIRA_ADMIN: 'fail-item',
  ROLE_NOT_ALLOWED: 'fail-item',
  UPSTREAM_FAILED: 'fail-item',
  PROTECTED_EMAIL_INVALID: 'fail-item',
  TIME_SLOT_INVALID: 'fail-item',
  TIME_SLOT_CLASHES_WITH_SYNC: 'fail-item',
  LOCK_HELD: 'fail-item',
  STORAGE_LIMIT: 'fail-item',
  INTERNAL: 'fail-item',
};

/** The response to `code`. */
export const errorResponse = (code: ErrorCode): ErrorResponse => errorPolicy[code];
