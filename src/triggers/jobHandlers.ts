import type { JobMessage } from '../domain/ports/jobQueue';
import type { SliceDeps } from '../domain/usecases/bulk/deps';
import { runBulkSlice } from '../domain/usecases/bulk/runBulkSlice';
import { runRevertSlice } from '../domain/usecases/revert/runRevertSlice';
import { runTaskSlice, type TaskSliceOutcome } from '../domain/usecases/tasks/run/runTaskSlice';
import type { TaskRunnerDeps } from '../domain/usecases/tasks/runnerDeps';
import type { SliceBudget } from '../domain/usecases/sync/budget';
import type { SliceOutcome } from '../domain/usecases/sync/continuation';
import type { SyncDeps } from '../domain/usecases/sync/deps';
import { runSyncSlice } from '../domain/usecases/sync/runSlice';
import { runDelivery, type DeliveryOutcome, type RunDeliveryDeps } from '../domain/usecases/webhooks/runDelivery';

/** What the handlers run on: the sync's adapters (paced for the sync), the bulk slices' and the task runs' adapters. */
export interface ConsumerDeps {
  sync: SyncDeps;
  bulk: SliceDeps;
  webhooks: RunDeliveryDeps;
  tasks: TaskRunnerDeps;
}

export type JobKind = JobMessage['kind'];

/** The message of each kind. */
export type MessageOf = { [K in JobKind]: JobMessage & { kind: K } };

/** One slice of a job of kind K within the budget; resolves to the outcome as the line the consumer logs. */
export type JobHandler<K extends JobKind> = (
  message: MessageOf[K],
  budget: SliceBudget,
  deps: ConsumerDeps,
) => Promise<string>;

type Outcome = SliceOutcome | TaskSliceOutcome;

const outcomeText = (outcome: Outcome): string => {
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

const deliveryText = (outcome: DeliveryOutcome): string => {
  if (outcome.kind === 'ignored') return `ignored (${outcome.reason})`;
  if (outcome.kind === 'retrying') return `attempt ${String(outcome.attempts)} failed; retrying in ${String(outcome.delaySeconds)} s`;
  return `${outcome.kind} after ${String(outcome.attempts)} attempts (HTTP ${String(outcome.httpStatus ?? 'none')})`;
};

const syncSlice: JobHandler<'sync' | 'sync-activity'> = async (message, budget, deps) =>
  outcomeText(await runSyncSlice(message, deps.sync, budget));

/**
 * The handler of every job kind; a kind of JobMessage without an entry here does not compile. A new kind adds its
 * message to JobMessage (and jobMessages.ts) and its handler here (docs/extending.md).
 */
export const jobHandlers: { [K in JobKind]: JobHandler<K> } = {
  sync: syncSlice,
  'sync-activity': syncSlice,
  'bulk-action': async (message, budget, deps) => outcomeText(await runBulkSlice(message, budget, deps.bulk)),
  revert: async (message, budget, deps) => outcomeText(await runRevertSlice(message, budget, deps.bulk)),
  'task-run': async (message, budget, deps) => outcomeText(await runTaskSlice(message, budget, deps.tasks)),
  'webhook-delivery': async (message, _budget, deps) => deliveryText(await runDelivery(message.deliveryId, message.attempt, deps.webhooks)),
};

/** A short name of the job a message belongs to, for the consumer's log. */
export const jobLabel = (message: JobMessage): string => {
  switch (message.kind) {
    case 'sync':
      return `sync run ${message.runId} slice ${String(message.slice)}`;
    case 'sync-activity':
      return `sync run ${message.runId} activity slice ${String(message.slice)}`;
    case 'bulk-action':
      return `bulk job ${message.jobId} slice ${String(message.slice)}`;
    case 'revert':
      return `revert job ${message.jobId} slice ${String(message.slice)}`;
    case 'webhook-delivery':
      return `webhook delivery ${message.deliveryId} attempt ${String(message.attempt)}`;
    default:
      return `task ${message.taskId} run ${message.runId} slice ${String(message.slice)}`;
  }
};
