import type { SyncActivity, SyncCounts, SyncRun } from '../../model/jobs';
import { counted, emptyCounts, phaseOf, withCheckpoint } from './checkpoint';
import type { SyncDeps, SyncMessage } from './deps';

/*
 * A run has one or two streams of queue slices (docs/sync.md, "Two streams"): the main stream walks the phases
 * (`sync` messages, its control in the checkpoint), the activity stream reads the per-user fallback
 * (`sync-activity` messages, its control in `run.activity`). Each has its own slice number, push chain, attempts and
 * counters, and saves only its own part of the run.
 */

/** What a stream keeps from slice to slice to continue, park and back off. */
export type StreamControl = Pick<SyncActivity, 'slice' | 'continuationPushed' | 'chainPushes' | 'parked' | 'attempts' | 'savedAt'>;

export interface Stream {
  kind: SyncMessage['kind'];
  control(run: SyncRun): StreamControl;
  withControl(run: SyncRun, patch: Partial<StreamControl>): SyncRun;
  /** Adds to the stream's counters, API calls and errors. */
  counted(run: SyncRun, delta: Partial<SyncCounts>, apiCalls?: number, errors?: number): SyncRun;
  /** Saves the stream's part of the run. */
  save(run: SyncRun, deps: Pick<SyncDeps, 'runs'>): Promise<void>;
  /** Whether the stream has nothing left to do. */
  done(run: SyncRun): boolean;
  /** The phase a run that fails in this stream failed in. */
  phase(run: SyncRun): string;
}

export const mainStream: Stream = {
  kind: 'sync',
  control: (run) => run.checkpoint,
  withControl: (run, patch) => withCheckpoint(run, patch),
  counted: (run, delta, apiCalls = 0, errors = 0) => ({ ...counted(run, delta, apiCalls), errors: run.errors + errors }),
  save: (run, deps) => deps.runs.update(run),
  done: (run) => phaseOf(run) === 'finish' || phaseOf(run) === 'done',
  phase: (run) => run.phase,
};

/** The run's activity stream; the caller has checked the run has one. */
export const activityOf = (run: SyncRun): SyncActivity => {
  if (run.activity === null) throw new Error('The sync run has no activity stream');
  return run.activity;
};

export const withActivity = (run: SyncRun, patch: Partial<SyncActivity>): SyncRun => ({ ...run, activity: { ...activityOf(run), ...patch } });

const added = (a: SyncCounts, b: Partial<SyncCounts>): SyncCounts => {
  const sum = { ...a };
  for (const [key, value] of Object.entries(b) as [keyof SyncCounts, number][]) sum[key] += value;
  return sum;
};

export const activityStream: Stream = {
  kind: 'sync-activity',
  control: activityOf,
  withControl: withActivity,
  counted: (run, delta, apiCalls = 0, errors = 0) => {
    const activity = activityOf(run);
    return withActivity(run, { counts: added(activity.counts, delta), apiCalls: activity.apiCalls + apiCalls, errors: activity.errors + errors });
  },
  save: (run, deps) => deps.runs.updateActivity(run),
  done: (run) => activityOf(run).pass === 'done',
  phase: () => 'activity',
};

export const streamOf = (kind: SyncMessage['kind']): Stream => (kind === 'sync' ? mainStream : activityStream);

/** The streams a run has. */
export const streamsOf = (run: SyncRun): Stream[] => (run.activity === null ? [mainStream] : [mainStream, activityStream]);

/** The activity stream of a new run: slice 0, in its early pass. */
export const initialActivity = (now: Date): SyncActivity => ({
  slice: 0,
  continuationPushed: false,
  chainPushes: 0,
  parked: false,
  attempts: 0,
  pass: 'early',
  cursor: null,
  earlyStopped: false,
  counts: emptyCounts(),
  apiCalls: 0,
  errors: 0,
  savedAt: now,
});

/**
 * The run's counters, API calls and errors: while it runs, the main stream's plus the activity stream's; once it
 * has ended, its own (the end folds the activity stream's into them).
 */
export const totalsOf = (run: SyncRun): { counts: SyncCounts; apiCalls: number; errors: number } => {
  const own = { counts: run.checkpoint.counts, apiCalls: run.apiCalls, errors: run.errors };
  if (run.status !== 'running' || run.activity === null) return own;
  const { counts, apiCalls, errors } = run.activity;
  return { counts: added(own.counts, counts), apiCalls: own.apiCalls + apiCalls, errors: own.errors + errors };
};
