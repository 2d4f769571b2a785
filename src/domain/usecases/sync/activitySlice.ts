import type { SyncRun } from '../../model/jobs';
import { readActivityBatch } from './activityStep';
import { afterError, continueLater, type SliceOutcome } from './continuation';
import type { SyncDeps } from './deps';
import { finishIfDone } from './runLifecycle';
import type { StepContext } from './stepTypes';
import { activityOf, activityStream, withActivity } from './streams';

/** Where the main stream's users walk stands, read again from SQL (it runs in other invocations). */
const walkOf = async (run: SyncRun, deps: SyncDeps): Promise<'walking' | 'complete' | 'ended'> => {
  const fresh = await deps.runs.get(run.id);
  if (fresh?.status !== 'running') return 'ended';
  return fresh.checkpoint.usersWalkComplete ? 'complete' : 'walking';
};

/** A continuation pushed only to wait for the walk is reported as waiting. */
const waitForWalk = (outcome: SliceOutcome): SliceOutcome => (outcome.kind === 'continued' ? { ...outcome, kind: 'waiting' } : outcome);

/**
 * A slice of the activity stream (docs/sync.md, "The activity stream"): the per-user fallback, paced at the
 * endpoint's 200/min per org, beside the main stream. Its early pass reads, from its cursor, the unknown users the
 * walk has stored so far; when it has caught up it waits (`activityWaitSeconds`, a delayed continuation) for more.
 * At the first user it cannot read it stops reading until the walk is complete. Then the final pass reads every
 * user still unknown from the beginning, counting failures (three in a row: the endpoint is down, the step is
 * retried). The stream saves only its own part of the run (`updateActivity`) after each batch; when it is done the
 * run ends if the main stream is done too.
 */
export const activitySlice = async (start: SyncRun, context: StepContext): Promise<SliceOutcome> => {
  const { deps, limits, roomForFallback } = context;
  let run = withActivity(start, { continuationPushed: true });
  const save = async (next: SyncRun): Promise<SyncRun> => {
    const saved = withActivity(next, { attempts: 0, savedAt: deps.clock.now() });
    await deps.runs.updateActivity(saved);
    return saved;
  };
  let failure: { error: unknown } | null = null;
  try {
    for (let activity = activityOf(run); activity.pass !== 'done'; activity = activityOf(run)) {
      if (!roomForFallback()) return await continueLater(run, activityStream, 0, deps, limits);
      const waiting = activity.pass === 'early' && (activity.earlyStopped || !limits.earlyActivity);
      const batch = waiting ? null : await readActivityBatch(run, context);
      if (batch === null || batch.empty) {
        if (activity.pass === 'final') {
          run = await save(withActivity(run, { pass: 'done' }));
          continue;
        }
        const walk = await walkOf(run, deps);
        if (walk === 'ended') return { kind: 'ignored', reason: 'not-running' };
        if (walk === 'walking') return waitForWalk(await continueLater(run, activityStream, limits.activityWaitSeconds, deps, limits));
        run = await save(withActivity(run, { pass: 'final', cursor: null }));
        continue;
      }
      const read = withActivity(run, { cursor: batch.cursor, earlyStopped: activity.earlyStopped || batch.stopped });
      run = activityStream.counted(read, batch.counts, batch.calls);
      if (batch.error !== undefined) {
        failure = { error: batch.error };
        break;
      }
      run = await save(run);
    }
  } catch (error) {
    failure = { error };
  }
  if (failure !== null) return afterError(run, activityStream, failure.error, deps, limits);
  return finishIfDone(activityStream, deps, run.id);
};
