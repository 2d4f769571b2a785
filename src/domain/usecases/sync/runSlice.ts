import type { SyncPhase, SyncRun } from '../../model/jobs';
import { activitySlice } from './activitySlice';
import type { SliceBudget } from './budget';
import { phaseOf, withCheckpoint } from './checkpoint';
import { afterError, continueLater, type SliceOutcome } from './continuation';
import { customersStep } from './customersStep';
import type { SyncDeps, SyncMessage } from './deps';
import { groupsStep } from './groupsStep';
import { membershipsStep } from './membershipsStep';
import { projectUsersStep } from './projectUsersStep';
import { finishIfDone, pushSlice } from './runLifecycle';
import { sliceContext, type Step, type StepContext } from './stepTypes';
import { mainStream, streamOf } from './streams';
import { usersStep } from './usersStep';
import { workspacesStep } from './workspacesStep';

/**
 * The step of each phase of the main stream (syncPlan.ts plans which phases a run has). `activity` is no phase of
 * the main stream (the activity stream reads it, activitySlice.ts); `finish` and `done` have no step.
 */
const steps: Record<SyncPhase, Step | null> = {
  workspaces: workspacesStep,
  groups: groupsStep,
  users: usersStep,
  memberships: membershipsStep,
  activity: null,
  'project-users': projectUsersStep,
  customers: customersStep,
  finish: null,
  done: null,
};

/**
 * A slice of the main stream: the steps of the run's phases one after another, the checkpoint saved after each,
 * until every phase is done (the run ends when the activity stream is done too) or the slice is out of room.
 */
const mainSlice = async (start: SyncRun, context: StepContext): Promise<SliceOutcome> => {
  const { deps, limits, meter, roomForFallback } = context;
  let run = withCheckpoint(start, { continuationPushed: true });
  let failure: { error: unknown } | null = null;
  try {
    for (let step = steps[phaseOf(run)]; step !== null; step = steps[phaseOf(run)]) {
      if (meter.pages >= limits.pagesPerSlice || !roomForFallback()) return await continueLater(run, mainStream, 0, deps, limits);
      const result = await step(run, context);
      run = withCheckpoint(result.run, { savedAt: deps.clock.now() });
      if (result.error !== undefined) {
        failure = { error: result.error };
        break;
      }
      run = withCheckpoint(run, { attempts: 0 });
      await deps.runs.update(run);
    }
  } catch (error) {
    failure = { error };
  }
  if (failure !== null) return afterError(run, mainStream, failure.error, deps, limits);
  return finishIfDone(mainStream, deps, run.id);
};

/**
 * Runs one queue invocation of a sync (ARCHITECTURE §2.3, §5): a slice of the run's main stream (`sync`) or of its
 * activity stream (`sync-activity`, activitySlice.ts). The message carries only the run id and a slice number;
 * everything else is the run in SQL. The slice works step by step, saving its stream's part of the run after every
 * step, until its stream is done or the slice runs out of room (time margin, pages, fallback calls), and then pushes
 * its stream's continuation (continuation.ts). Idempotent: a message for a run that is not running, or for a slice
 * already done, does nothing (except re-pushing a continuation lost between save and push); a slice re-run from
 * the same checkpoint rewrites the same rows.
 */
export const runSyncSlice = async (message: SyncMessage, deps: SyncDeps, budget: SliceBudget): Promise<SliceOutcome> => {
  const run = await deps.runs.get(message.runId);
  if (run === null) return { kind: 'ignored', reason: 'no-run' };
  if (run.status !== 'running') return { kind: 'ignored', reason: 'not-running' };
  if (message.kind === 'sync-activity' && run.activity === null) return { kind: 'ignored', reason: 'no-stream' };
  const stream = streamOf(message.kind);
  const control = stream.control(run);
  if (message.slice === control.slice - 1 && !control.continuationPushed) {
    if (control.parked) return { kind: 'ignored', reason: 'parked' };
    await pushSlice(run, stream, 0, deps);
    return { kind: 'continued', slice: control.slice, delaySeconds: 0 };
  }
  if (message.slice !== control.slice) return { kind: 'ignored', reason: 'old-slice' };
  const context = sliceContext(deps, budget);
  return message.kind === 'sync' ? mainSlice(run, context) : activitySlice(run, context);
};
