import type { SyncCounts, SyncDataType, SyncRun } from '../../model/jobs';
import type { Clock } from '../../ports/clock';
import type { SyncRunRepository } from '../../ports/syncRunRepository';
import { durationMs } from './runLifecycle';
import { runningSteps, type StepProgress } from './stepProgress';
import { mainStream, totalsOf } from './streams';

/** What the admin page shows of one sync run (progress bar, history row). */
export interface SyncStatusView {
  runId: string;
  trigger: SyncRun['trigger'];
  dataTypes: SyncDataType[];
  groupIds: string[];
  status: SyncRun['status'];
  phase: string;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number;
  /** Users the run has read (users walk and memberships walk), against what the synced copy had of them at start. */
  processed: number;
  estimatedTotal: number | null;
  /**
   * While running: the steps at work, one per stream, the main one first (stepProgress.ts); empty after
   * the end. `percent` is the main step's (null without an estimate), 100 once the run has ended.
   */
  steps: StepProgress[];
  percent: number | null;
  apiCalls: number;
  errors: number;
  failureReason: string | null;
  counts: SyncCounts;
}

export interface SyncStatusDeps {
  runs: SyncRunRepository;
  clock: Clock;
}

const percentOf = (run: SyncRun, main: StepProgress | undefined): number | null => {
  if (run.status !== 'running') return 100;
  if (main === undefined || main.total === null || main.total === 0) return null;
  return Math.min(99, Math.floor((main.processed / main.total) * 100));
};

/** The run's phase as the page shows it: the activity stream's once the main stream waits for it at the finish. */
const phaseShown = (run: SyncRun): string => {
  const reading = run.status === 'running' && run.activity !== null && run.activity.pass !== 'done';
  return reading && mainStream.done(run) ? 'activity' : run.phase;
};

export const toStatusView = (run: SyncRun, now: Date): SyncStatusView => {
  const estimate = run.estimatedTotal === null ? null : Math.max(run.estimatedTotal, run.processed);
  const steps = runningSteps(run);
  const { counts, apiCalls, errors } = totalsOf(run);
  return {
    runId: run.id,
    trigger: run.trigger,
    dataTypes: run.dataTypes,
    groupIds: run.groupIds,
    status: run.status,
    phase: phaseShown(run),
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: durationMs(run, now),
    processed: run.processed,
    estimatedTotal: estimate,
    steps,
    percent: percentOf(run, steps[0]),
    apiCalls,
    errors,
    failureReason: run.checkpoint.failureReason,
    counts,
  };
};

/** The latest sync run with its progress (FEATURES S5 progress bar, Y2); null before the first sync. */
export const getSyncStatus = async (deps: SyncStatusDeps): Promise<SyncStatusView | null> => {
  const run = await deps.runs.latest();
  return run === null ? null : toStatusView(run, deps.clock.now());
};

/** The most recent sync runs, newest first (Y2 history); `limit` is kept within 1..100. */
export const getSyncHistory = async (limit: number, deps: SyncStatusDeps): Promise<SyncStatusView[]> => {
  const runs = await deps.runs.history(Math.min(100, Math.max(1, Math.trunc(limit))));
  const now = deps.clock.now();
  return runs.map((run) => toStatusView(run, now));
};
