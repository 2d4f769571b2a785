import {
  InternalServerError,
  InvalidPushSettingsError,
  InvalidQueueNameError,
  InvocationLimitReachedError,
  NoEventsToPushError,
  PartialSuccessError,
  PayloadTooBigError,
  RateLimitError,
  TooManyEventsError,
} from '@forge/events';
import { DomainError } from '../../domain/model/errors';

/**
 * Turns what @forge/events throws from `Queue.push` into a DomainError (the one place this happens):
 * - RateLimitError (HTTP 429, 500 events/min per installation) → RATE_LIMITED;
 * - InvocationLimitReachedError (405: the chain of pushes from one invocation hit its cyclic limit) →
 *   UPSTREAM_FAILED with `reason: 'invocation-limit'`;
 * - payload, event count, delay and queue-name errors → VALIDATION_FAILED (a bug: messages are validated first);
 * - PartialSuccessError, InternalServerError and anything else → UPSTREAM_FAILED.
 */
export const queueError = (error: unknown, queue: string): DomainError => {
  if (error instanceof DomainError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const details = { queue, sdkError: error instanceof Error ? error.constructor.name : typeof error, reason: message };
  if (error instanceof RateLimitError) {
    return new DomainError('RATE_LIMITED', `The queue ${queue} is rate-limited: ${message}`, details);
  }
  if (error instanceof InvocationLimitReachedError) {
    return new DomainError('UPSTREAM_FAILED', `The queue ${queue} refused the push: the invocation chain limit was reached.`, {
      ...details,
      reason: 'invocation-limit',
    });
  }
  const invalid = [PayloadTooBigError, TooManyEventsError, NoEventsToPushError, InvalidPushSettingsError, InvalidQueueNameError];
  if (invalid.some((type) => error instanceof type)) {
    return new DomainError('VALIDATION_FAILED', `The queue ${queue} refused the event: ${message}`, details);
  }
  if (error instanceof PartialSuccessError || error instanceof InternalServerError) {
    return new DomainError('UPSTREAM_FAILED', `The queue ${queue} failed: ${message}`, details);
  }
  return new DomainError('UPSTREAM_FAILED', `Pushing to the queue ${queue} failed: ${message}`, details);
};
