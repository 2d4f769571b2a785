import { isDomainError } from '../../model/errors';
import type { SyncRun } from '../../model/jobs';
import { errorResponse } from '../../policy/errorPolicy';
import { rateLimitDelay, retryDelay, type SyncLimits } from './budget';
import type { RunControlDeps, SyncMessage } from './deps';
import { endRun, pushSlice } from './runLifecycle';
import type { Stream } from './streams';

/** What a slice did, for the consumer's log and the tests. */
export type SliceOutcome =
  | { kind: 'ignored'; reason: 'no-run' | 'not-running' | 'old-slice' | 'parked' | 'no-stream' }
  | { kind: 'continued'; slice: number; delaySeconds: number }
  | { kind: 'parked'; slice: number }
  | { kind: 'waiting'; slice: number; delaySeconds: number }
  | { kind: 'stream-done'; stream: SyncMessage['kind'] }
  | { kind: 'finished' | 'failed'; status: SyncRun['status'] };

/**
 * Ends a slice of a stream by handing the stream to its next slice: its control (with the next slice number) is
 * saved BEFORE the push, so a crash in between is repaired by the re-delivered message of this slice (runSlice.ts
 * pushes again). When the stream's chain has spent its budget the stream parks instead, and the hourly tick
 * resumes it with a new chain.
 */
export const continueLater = async (
  run: SyncRun,
  stream: Stream,
  delaySeconds: number,
  deps: RunControlDeps,
  limits: SyncLimits,
): Promise<SliceOutcome> => {
  const control = stream.control(run);
  const next = stream.withControl(run, { slice: control.slice + 1, continuationPushed: false, savedAt: deps.clock.now() });
  if (control.chainPushes >= limits.chainBudget) {
    await stream.save(stream.withControl(next, { parked: true }), deps);
    return { kind: 'parked', slice: control.slice + 1 };
  }
  await stream.save(next, deps);
  await pushSlice(next, stream, delaySeconds, deps);
  return { kind: 'continued', slice: control.slice + 1, delaySeconds };
};

/**
 * What a stream's slice does after an error, by the error policy (src/domain/policy/errorPolicy.ts): RATE_LIMITED
 * waits with a delayed continuation; a stop-job code fails the run; other errors retry the step with backoff, and
 * fail the run after `maxAttempts` attempts in a row.
 */
export const afterError = async (
  run: SyncRun,
  stream: Stream,
  error: unknown,
  deps: RunControlDeps,
  limits: SyncLimits,
): Promise<SliceOutcome> => {
  const code = isDomainError(error) ? error.code : 'INTERNAL';
  const response = errorResponse(code);
  if (response === 'retry-later') {
    const delay = rateLimitDelay(error, deps.clock.now(), limits);
    return continueLater(stream.counted(run, { rateLimited: 1 }), stream, delay, deps, limits);
  }
  const attempts = stream.control(run).attempts + 1;
  const failed = stream.withControl(stream.counted(run, { retries: 1 }, 0, 1), { attempts });
  if (response === 'stop-job' || attempts >= limits.maxAttempts) {
    const ended = await endRun({ ...failed, phase: stream.phase(failed) }, 'failed', code, deps);
    return { kind: 'failed', status: ended.status };
  }
  return continueLater(failed, stream, retryDelay(attempts, limits), deps, limits);
};
