import type { SyncCounts, SyncRun } from '../../model/jobs';
import { withCheckpoint } from './checkpoint';
import type { SyncDeps } from './deps';

/**
 * What the steps that run two lanes over one shared run have in common (siteLane.ts: the fallback beside the Jira
 * walk; earlyActivity.ts: the fallback beside the users walk). Each lane runs ordinary steps on a view of the shared
 * run and merges what a step did back into it; the merges below add deltas, so neither lane overwrites the other's
 * counters.
 */

/** `current` plus what a step did between `base` and `result`: its counters and API calls. */
export const withDelta = (current: SyncRun, base: SyncRun, result: SyncRun): SyncRun => {
  const counts = { ...current.checkpoint.counts };
  for (const key of Object.keys(counts) as (keyof SyncCounts)[]) {
    counts[key] += result.checkpoint.counts[key] - base.checkpoint.counts[key];
  }
  return { ...current, apiCalls: current.apiCalls + result.apiCalls - base.apiCalls, checkpoint: { ...current.checkpoint, counts } };
};

/**
 * A step of the run's own phase (the lane that owns `phase` and the walk position) merged into the shared run: its
 * counters and processed users, its phase and its walk position.
 */
export const phaseLaneMerge = (current: SyncRun, base: SyncRun, result: SyncRun): SyncRun => {
  const { cursor, directoryIndex, chunkIndex, usersWalkComplete } = result.checkpoint;
  const merged = { ...withDelta(current, base, result), phase: result.phase, processed: current.processed + result.processed - base.processed };
  return withCheckpoint(merged, { cursor, directoryIndex, chunkIndex, usersWalkComplete });
};

/**
 * Saves of a two-lane step: each lane saves the shared run after each of its own steps; the saves go to SQL one after
 * another in the order they were asked for, so a later snapshot is never overwritten by an earlier one. A saved
 * snapshot has `attempts` 0: the lane just made progress.
 */
export const laneSaves = (deps: SyncDeps): ((run: SyncRun) => Promise<void>) => {
  let saving = Promise.resolve();
  return (run) => {
    const snapshot = withCheckpoint(run, { savedAt: deps.clock.now(), attempts: 0 });
    saving = saving.then(() => deps.runs.update(snapshot));
    return saving;
  };
};
