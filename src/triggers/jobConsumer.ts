import { InvocationError, InvocationErrorCode } from '@forge/events';
import { parseJobMessage } from '../adapters/events/jobQueue';
import { remainingMs } from '../adapters/events/remainingTime';
import { ensureSchema } from '../adapters/forge-sql/schema/migrations';
import { isDomainError } from '../domain/model/errors';
import type { JobMessage } from '../domain/ports/jobQueue';
import type { SliceBudget } from '../domain/usecases/sync/budget';
import { jobHandlers, jobLabel, type ConsumerDeps, type JobHandler, type JobKind, type MessageOf } from './jobHandlers';

/**
 * Seconds before the platform re-delivers an event whose slice failed outside the use case's own error handling
 * (SQL, KVS or the queue itself unavailable). A re-delivered slice is idempotent.
 */
export const RETRY_AFTER_SECONDS = 60;

/** The remaining time of the current Forge invocation (`getAppContext().invocationRemainingTimeInMillis()`). */
export const invocationBudget: SliceBudget = { remainingMs };

/** The event body of a `function:` consumer (`AsyncEvent.body`), or the payload itself (a `resolver:` consumer). */
const bodyOf = (event: unknown): unknown =>
  typeof event === 'object' && event !== null && 'body' in event ? event.body : event;

const messageOf = (event: unknown): JobMessage | null => {
  try {
    return parseJobMessage(bodyOf(event));
  } catch {
    return null;
  }
};

/** Runs the handler of the message's kind. */
const dispatch = <K extends JobKind>(kind: K, message: MessageOf[K], budget: SliceBudget, deps: ConsumerDeps): Promise<string> => {
  const handler: JobHandler<K> = jobHandlers[kind];
  return handler(message, budget, deps);
};

/**
 * The queue consumer of every job kind (functions `sync-consumer` on `ulo-sync` and `jobs-consumer` on
 * `ulo-jobs`): reads the event as a job message, applies pending migrations and runs the handler of its kind within
 * the invocation's remaining time. A malformed event is dropped (retrying cannot fix it); anything that escapes a
 * handler asks the platform to deliver the event again, which repeats the slice from its saved checkpoint.
 */
export const consumeJobEvent = async (
  event: unknown,
  deps: ConsumerDeps,
  budget: SliceBudget = invocationBudget,
): Promise<InvocationError | undefined> => {
  const message = messageOf(event);
  if (message === null) {
    console.warn('job-consumer: dropped a malformed event');
    return undefined;
  }
  const label = jobLabel(message);
  try {
    await ensureSchema();
    const outcome = await dispatch(message.kind, message, budget, deps);
    console.log(`job-consumer: ${label}: ${outcome}`);
    return undefined;
  } catch (error) {
    console.error(`job-consumer: ${label} failed: ${isDomainError(error) ? error.code : 'INTERNAL'}; asking for a retry`);
    return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
};
