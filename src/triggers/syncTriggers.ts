import { InvocationError, InvocationErrorCode } from '@forge/events';
import { parseJobMessage } from '../adapters/events/jobQueue';
import { remainingMs } from '../adapters/events/remainingTime';
import { ensureSchema } from '../adapters/forge-sql/schema/migrations';
import { isDomainError } from '../domain/model/errors';
import type { SliceBudget } from '../domain/usecases/sync/budget';
import type { SyncDeps, SyncMessage } from '../domain/usecases/sync/deps';
import { hourlyTick, type HourlyTickDeps, type HourlyTickSummary } from '../domain/usecases/sync/hourlyTick';
import type { SliceOutcome } from '../domain/usecases/sync/continuation';
import { runSyncSlice } from '../domain/usecases/sync/runSlice';

/**
 * Seconds before the platform re-delivers a sync event whose slice failed outside the use case's own error
 * handling (SQL, KVS or the queue itself unavailable). The re-delivered slice is idempotent.
 */
export const SYNC_RETRY_AFTER_SECONDS = 60;

/** The remaining time of the current Forge invocation (`getAppContext().invocationRemainingTimeInMillis()`). */
export const invocationBudget: SliceBudget = { remainingMs };

const codeOf = (error: unknown): string => (isDomainError(error) ? error.code : 'INTERNAL');

/**
 * The hourly scheduled trigger (function `hourly-tick`): applies pending migrations, then runs the tick (resume a
 * parked or stalled sync, start the daily sync when its slot is due, the API key notice). Never throws — the
 * platform does not retry a failed tick, the next one simply comes an hour later. Returns the summary it logged,
 * or null when the tick could not run at all.
 */
export const runHourlyTick = async (deps: HourlyTickDeps): Promise<HourlyTickSummary | null> => {
  try {
    await ensureSchema();
    const summary = await hourlyTick(deps);
    const { sync } = summary;
    console.log(
      `hourly-tick: sync ${sync.action}${sync.runId === null ? '' : ` (run ${sync.runId})`}` +
        `${sync.error === undefined ? '' : ` ${sync.error}`}, api key notice ${summary.apiKeyNotice}, bulk jobs healed ${String(summary.jobsHealed)}`,
    );
    return summary;
  } catch (error) {
    console.error(`hourly-tick: failed: ${codeOf(error)}`);
    return null;
  }
};

/** The event body of a `function:` consumer (`AsyncEvent.body`), or the payload itself (a `resolver:` consumer). */
const bodyOf = (event: unknown): unknown =>
  typeof event === 'object' && event !== null && 'body' in event ? event.body : event;

/** The sync message an event carries, or null (with a warning) for anything else: retrying cannot fix those. */
const syncMessageOf = (event: unknown): SyncMessage | null => {
  try {
    const message = parseJobMessage(bodyOf(event));
    if (message.kind === 'sync' || message.kind === 'sync-activity') return message;
    console.warn(`sync-consumer: dropped a ${message.kind} message sent to the sync queue`);
  } catch {
    console.warn('sync-consumer: dropped a malformed event');
  }
  return null;
};

const outcomeText = (outcome: SliceOutcome): string => {
  switch (outcome.kind) {
    case 'ignored':
      return `ignored (${outcome.reason})`;
    case 'continued':
      return `continued as slice ${String(outcome.slice)} in ${String(outcome.delaySeconds)} s`;
    case 'parked':
      return `parked before slice ${String(outcome.slice)}`;
    case 'waiting':
      return `waiting for the users walk, slice ${String(outcome.slice)} in ${String(outcome.delaySeconds)} s`;
    case 'stream-done':
      return 'done; the run ends with its other stream';
    default:
      return `${outcome.kind}: ${outcome.status}`;
  }
};

/**
 * The `ulo-sync` queue consumer (function `sync-consumer`): runs one slice of a sync within the invocation's
 * remaining time. The use case handles rate limits, retries and continuations itself; anything that escapes it
 * (storage or queue unavailable) asks the platform to deliver the event again, which repeats the slice from its
 * saved checkpoint. A malformed event is dropped.
 */
export const consumeSyncEvent = async (
  event: unknown,
  deps: SyncDeps,
  budget: SliceBudget = invocationBudget,
): Promise<InvocationError | undefined> => {
  const message = syncMessageOf(event);
  if (message === null) return undefined;
  const label = `run ${message.runId} ${message.kind === 'sync' ? '' : 'activity '}slice ${String(message.slice)}`;
  try {
    await ensureSchema();
    const outcome = await runSyncSlice(message, deps, budget);
    console.log(`sync-consumer: ${label} ${outcomeText(outcome)}`);
    return undefined;
  } catch (error) {
    console.error(`sync-consumer: ${label} failed: ${codeOf(error)}; asking for a retry`);
    return new InvocationError({ retryAfter: SYNC_RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
};
