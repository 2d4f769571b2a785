import type { SyncRun } from '../../model/jobs';
import type { SyncLimits } from './budget';
import { withCheckpoint } from './checkpoint';
import type { RunControlDeps, SyncMessage } from './deps';

/** What a slice did, for the consumer's log and the tests. */
export type SliceOutcome =
  | { kind: 'ignored'; reason: 'no-run' | 'not-running' | 'old-slice' | 'parked' }
  | { kind: 'continued'; slice: number; delaySeconds: number }
  | { kind: 'parked'; slice: number }
  | { kind: 'finished' | 'failed'; status: SyncRun['status'] };

export const sliceMessage = (run: SyncRun): SyncMessage => ({
  kind: 'sync',
  runId: run.id,
  slice: run.checkpoint.slice,
});

/** Pushes the message for the checkpoint's slice and records that it was pushed (one more push in the chain). */
export const pushSlice = async (run: SyncRun, delaySeconds: number, deps: RunControlDeps): Promise<SyncRun> => {
  await deps.queue.push(sliceMessage(run), delaySeconds);
  const pushed = withCheckpoint(run, { continuationPushed: true, chainPushes: run.checkpoint.chainPushes + 1 });
  await deps.runs.update(pushed);
  return pushed;
};

/**
 * Ends the slice by handing the run to the next one: the checkpoint (with the next slice number) is saved
 * BEFORE the push, so a crash in between is repaired by the re-delivered slice (see runSyncSlice). When the
 * chain has spent its budget the run parks instead, and the hourly tick resumes it with a new chain.
 */
export const continueLater = async (
  run: SyncRun,
  delaySeconds: number,
  deps: RunControlDeps,
  limits: SyncLimits,
): Promise<SliceOutcome> => {
  const cp = run.checkpoint;
  const next = withCheckpoint(run, { slice: cp.slice + 1, continuationPushed: false, savedAt: deps.clock.now() });
  if (cp.chainPushes >= limits.chainBudget) {
    await deps.runs.update(withCheckpoint(next, { parked: true }));
    return { kind: 'parked', slice: next.checkpoint.slice };
  }
  await deps.runs.update(next);
  await pushSlice(next, delaySeconds, deps);
  return { kind: 'continued', slice: next.checkpoint.slice, delaySeconds };
};
