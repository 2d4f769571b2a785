import type { SyncRun } from '../../model/jobs';
import { syncLimits, type SliceBudget, type SyncLimits } from './budget';
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
}

/**
 * A step's new run state (not yet saved). `error` is set when the step saved part of its work and then hit an
 * error that the slice must handle (rate limit, rejected key, repeated failures); other steps simply throw.
 */
export interface StepResult {
  run: SyncRun;
  error?: unknown;
}

export type Step = (run: SyncRun, context: StepContext) => Promise<StepResult>;

/** A fresh slice's context: nothing spent yet, room while the invocation has time and fallback calls are left. */
export const sliceContext = (deps: SyncDeps, budget: SliceBudget): StepContext => {
  const limits = syncLimits(deps.limits);
  const meter: SliceMeter = { pages: 0, fallbackCalls: 0 };
  const roomForFallback = (): boolean =>
    budget.remainingMs() >= limits.safetyMarginMs && meter.fallbackCalls < limits.fallbackCallsPerSlice;
  return { deps, limits, meter, roomForFallback };
};
