import type { SyncRun } from '../../model/jobs';
import { STALL_AFTER_MS } from './budget';
import { withCheckpoint } from './checkpoint';
import { pushSlice } from './continuation';
import type { RunControlDeps } from './deps';

/** A running run the tick must resume: parked at its chain budget, or silent (no checkpoint) for too long. */
export const needsResume = (run: SyncRun, now: Date): boolean =>
  run.status === 'running' && (run.checkpoint.parked || now.getTime() - run.checkpoint.savedAt.getTime() > STALL_AFTER_MS);

/**
 * Resumes a parked or stalled run from its checkpoint by pushing the checkpoint's slice again. Called from the
 * hourly tick, so the push starts a new chain with a fresh budget of 1000 pushes. If an old message for that
 * slice is still delivered, both run the same slice from the same checkpoint: same rows, same end state.
 */
export const resumeSync = async (run: SyncRun, deps: RunControlDeps): Promise<SyncRun> => {
  const resumed = withCheckpoint(run, {
    parked: false,
    chainPushes: 0,
    continuationPushed: false,
    savedAt: deps.clock.now(),
  });
  await deps.runs.update(resumed);
  return pushSlice(resumed, 0, deps);
};
