import { InvocationError, InvocationErrorCode } from '@forge/events';
import { parseJobMessage } from '../adapters/events/jobQueue';
import { remainingMs } from '../adapters/events/remainingTime';
import { ensureSchema } from '../adapters/forge-sql/schema/migrations';
import { isDomainError } from '../domain/model/errors';
import type { SliceDeps } from '../domain/usecases/bulk/deps';
import { runBulkSlice } from '../domain/usecases/bulk/runBulkSlice';

/** Seconds before the platform re-delivers an event whose slice failed unexpectedly (SQL or KVS trouble). */
const RETRY_AFTER_SECONDS = 60;

/**
 * The `ulo-jobs` queue consumer (function `jobs-consumer`): reads the event body as a job message and runs one
 * slice. A malformed event is dropped (retrying cannot fix it); an unexpected failure asks the platform to retry;
 * task runs belong to the automated-task consumer and are left alone here until it is wired.
 */
export const consumeJobEvent = async (event: unknown, deps: SliceDeps): Promise<InvocationError | undefined> => {
  const body = typeof event === 'object' && event !== null && 'body' in event ? event.body : event;
  let message;
  try {
    message = parseJobMessage(body);
  } catch {
    console.warn('jobs-consumer: dropped a malformed event');
    return undefined;
  }
  if (message.kind !== 'bulk-action') {
    console.warn(`jobs-consumer: no handler for ${message.kind} messages`);
    return undefined;
  }
  try {
    await ensureSchema();
    const outcome = await runBulkSlice(message, { remainingMs }, deps);
    console.log(`jobs-consumer: bulk job ${message.jobId} slice ${message.slice}: ${outcome.kind}`);
    return undefined;
  } catch (error) {
    console.error(`jobs-consumer: bulk job ${message.jobId} slice ${message.slice} failed: ${isDomainError(error) ? error.code : 'INTERNAL'}`);
    return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
};
