import type { SyncRun } from '../../model/jobs';
import type { SyncLimits } from './budget';
import type { SyncDeps } from './deps';

/** What one slice has spent so far; steps add to it. */
export interface SliceMeter {
  pages: number;
  fallbackCalls: number;
}

export interface StepContext {
  deps: SyncDeps;
  limits: SyncLimits;
  meter: SliceMeter;
  /** Whether the slice may make one more per-user fallback call (time and count). */
  roomForFallback: () => boolean;
  /**
   * Runs a step's SQL writes of users one at a time when two lanes write users at once (earlyActivity.ts): a
   * read-merge-write of one lane never interleaves with the other's writes. Absent: no other lane.
   */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Runs `work` under the context's `exclusive`, or directly without one. */
export const exclusively = <T>(context: Pick<StepContext, 'exclusive'>, work: () => Promise<T>): Promise<T> =>
  context.exclusive === undefined ? work() : context.exclusive(work);

/**
 * A step's new run state (not yet saved). `error` is set when the step saved part of its work and then hit an
 * error that the slice must handle (rate limit, rejected key, repeated failures); other steps simply throw.
 */
export interface StepResult {
  run: SyncRun;
  error?: unknown;
}

export type Step = (run: SyncRun, context: StepContext) => Promise<StepResult>;
