import { isDomainError } from '../../model/errors';
import type { SyncPhase, SyncRun } from '../../model/jobs';
import { errorResponse } from '../../policy/errorPolicy';
import { counted, phaseOf, withCheckpoint } from './checkpoint';
import { customersStep } from './customersStep';
import type { RunControlDeps, SyncDeps, SyncMessage } from './deps';
import { groupsStep } from './groupsStep';
import { membershipsStep } from './membershipsStep';
import { projectUsersStep } from './projectUsersStep';
import { usersWithEarlyActivityStep } from './earlyActivity';
import { endRun, finishRun, pushSlice } from './runLifecycle';
import { rateLimitDelay, retryDelay, syncLimits, type SliceBudget, type SyncLimits } from './budget';
import { activityWithSiteStep } from './siteLane';
import type { SliceMeter, Step } from './stepTypes';
import { workspacesStep } from './workspacesStep';

/*
 * One slice of a sync run (docs/sync.md, "Slices, checkpoints, continuations"): the steps of the run's phases,
 * one after another, until the run is finished or the slice is out of room; then it continues in the next slice,
 * or parks when the chain's push budget is spent. Starting, resuming and ending a run are in runLifecycle.ts.
 */

/** What a slice did, for the consumer's log and the tests. */
export type SliceOutcome =
  | { kind: 'ignored'; reason: 'no-run' | 'not-running' | 'old-slice' | 'parked' }
  | { kind: 'continued'; slice: number; delaySeconds: number }
  | { kind: 'parked'; slice: number }
  | { kind: 'finished' | 'failed'; status: SyncRun['status'] };

/**
 * The step of each phase (syncPlan.ts plans which phases a run has). The users walk runs the fallback beside it
 * for the users stored so far (earlyActivity.ts); the activity phase runs project users and customers beside the
 * rest of the fallback (siteLane.ts). `finish` (and `done`) have no step: the slice ends the run there.
 */
const steps: Record<SyncPhase, Step | null> = {
  workspaces: workspacesStep,
  groups: groupsStep,
  users: usersWithEarlyActivityStep,
  memberships: membershipsStep,
  activity: activityWithSiteStep,
  'project-users': projectUsersStep,
  customers: customersStep,
  finish: null,
  done: null,
};

/** The step of the run's current phase; null when only the finish is left. */
const stepFor = (run: SyncRun): Step | null => steps[phaseOf(run)];

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

/** Carries the error a step returned (after saving part of its work) to the slice's error handling. */
class StepInterrupted extends Error {
  constructor(readonly reason: unknown) {
    super('sync step interrupted');
  }
}

const onError = async (run: SyncRun, error: unknown, deps: SyncDeps, limits: SyncLimits): Promise<SliceOutcome> => {
  const code = isDomainError(error) ? error.code : 'INTERNAL';
  const response = errorResponse(code);
  if (response === 'retry-later') {
    const delay = rateLimitDelay(error, deps.clock.now(), limits);
    return continueLater(counted(run, { rateLimited: 1 }), delay, deps, limits);
  }
  const attempts = run.checkpoint.attempts + 1;
  const failed = withCheckpoint(counted({ ...run, errors: run.errors + 1 }, { retries: 1 }), { attempts });
  if (response === 'stop-job' || attempts >= limits.maxAttempts) {
    const ended = await endRun(failed, 'failed', code, deps);
    return { kind: 'failed', status: ended.status };
  }
  return continueLater(failed, retryDelay(attempts, limits), deps, limits);
};

const work = async (start: SyncRun, deps: SyncDeps, budget: SliceBudget): Promise<SliceOutcome> => {
  const limits = syncLimits(deps.limits);
  const meter: SliceMeter = { pages: 0, fallbackCalls: 0 };
  const hasTime = (): boolean => budget.remainingMs() >= limits.safetyMarginMs;
  const roomForFallback = (): boolean => hasTime() && meter.fallbackCalls < limits.fallbackCallsPerSlice;
  const context = { deps, limits, meter, roomForFallback };
  let run = withCheckpoint(start, { continuationPushed: true });
  try {
    for (let step = stepFor(run); step !== null; step = stepFor(run)) {
      if (meter.pages >= limits.pagesPerSlice || !roomForFallback()) {
        return await continueLater(run, 0, deps, limits);
      }
      const result = await step(run, context);
      run = withCheckpoint(result.run, { savedAt: deps.clock.now() });
      if (result.error !== undefined) throw new StepInterrupted(result.error);
      run = withCheckpoint(run, { attempts: 0 });
      await deps.runs.update(run);
    }
    const finished = await finishRun(run, deps);
    return { kind: 'finished', status: finished.status };
  } catch (error) {
    return onError(run, error instanceof StepInterrupted ? error.reason : error, deps, limits);
  }
};

/**
 * Runs one queue invocation of a sync (ARCHITECTURE §2.3, §5). The message carries only the run id and a slice
 * number; everything else is the run's checkpoint in SQL. The slice works through the phases step by step, saving
 * the checkpoint after every step, until the run is finished or the slice runs out of room (time margin, pages,
 * fallback calls), and then pushes its continuation. Idempotent: a message for a run that is not running, or for
 * a slice already done, does nothing (except re-pushing a continuation lost between save and push); a slice
 * re-run from the same checkpoint rewrites the same rows. RATE_LIMITED waits with a delayed continuation; a
 * rejected key fails the run; other errors are retried with backoff up to `maxAttempts`, then fail the run.
 */
export const runSyncSlice = async (
  message: SyncMessage,
  deps: SyncDeps,
  budget: SliceBudget,
): Promise<SliceOutcome> => {
  const run = await deps.runs.get(message.runId);
  if (run === null) return { kind: 'ignored', reason: 'no-run' };
  if (run.status !== 'running') return { kind: 'ignored', reason: 'not-running' };
  const cp = run.checkpoint;
  if (message.slice === cp.slice - 1 && !cp.continuationPushed) {
    if (cp.parked) return { kind: 'ignored', reason: 'parked' };
    await pushSlice(run, 0, deps);
    return { kind: 'continued', slice: cp.slice, delaySeconds: 0 };
  }
  if (message.slice !== cp.slice) return { kind: 'ignored', reason: 'old-slice' };
  return work(run, deps, budget);
};
