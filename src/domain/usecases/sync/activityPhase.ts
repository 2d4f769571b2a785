import { isDomainError } from '../../model/errors';
import type { SyncRun } from '../../model/jobs';
import type { UserActivity } from '../../ports/directoryReader';
import { withActivity } from './activityMerge';
import { counted, nextPhase, withCheckpoint } from './checkpoint';
import type { SyncDeps } from './deps';
import { exclusively, type Step, type StepContext, type StepResult } from './stepTypes';

/** Errors that stop the fallback at once (the slice waits, or the run fails); others are about one user. */
const stopsTheSlice = new Set(['RATE_LIMITED', 'API_KEY_REJECTED', 'API_KEY_FORBIDDEN', 'API_KEY_MISSING']);
/** This many users failing in a row means the endpoint is down, not the users: the step is retried. */
const FAILURE_STREAK = 3;

const save = async (found: readonly UserActivity[], run: SyncRun, deps: SyncDeps): Promise<void> => {
  if (found.length === 0) return;
  const byId = new Map(found.map((a) => [a.accountId, a]));
  const users = await deps.users.getMany([...byId.keys()]);
  const merged = users.flatMap((u) => {
    const activity = byId.get(u.accountId);
    return activity === undefined ? [] : [withActivity(u, activity)];
  });
  await deps.users.upsertMany(merged, run.generation);
};

/** How the early lane (earlyActivity.ts) reads: only this walk's users, and stopping at the first failure. */
export interface EarlyRead {
  /** Only users this generation's walk has stored. */
  seenIn: number;
}

/** A fallback batch's outcome; `stoppedAt` is the user an early read stopped at (not counted, not passed). */
export interface ActivityBatch {
  result: StepResult;
  stoppedAt: string | null;
}

/**
 * One batch of the per-user fallback: the unknown users after the checkpoint cursor in account-id order, one call
 * each (the gateway paces to 200/min per org), as long as the slice has room. In the activity phase a user that
 * cannot be read is counted failed and passed (three in a row: the endpoint is down, the step is retried). An early
 * read stops instead at the first user it cannot read, before saving anything after that user: the activity phase
 * meets the user again among the users not yet read, so a failure is counted once, by that phase.
 */
export const readActivity = async (run: SyncRun, context: StepContext, early?: EarlyRead): Promise<ActivityBatch> => {
  const { deps, limits, meter, roomForFallback } = context;
  const ids = await deps.users.withUnknownActivity(limits.fallbackBatch, run.checkpoint.cursor, early?.seenIn);
  if (ids.length === 0) return { result: { run: nextPhase(run) }, stoppedAt: null };
  const found: UserActivity[] = [];
  let done = run.checkpoint.cursor;
  let streak: string[] = [];
  let skipped = 0;
  let failed = 0;
  let calls = 0;
  let error: unknown;
  let stoppedAt: string | null = null;
  for (const accountId of ids) {
    if (!roomForFallback()) break;
    meter.fallbackCalls += 1;
    calls += 1;
    try {
      found.push(await deps.directory.lastActiveDates(run.checkpoint.orgId, accountId));
    } catch (caught) {
      const code = isDomainError(caught) ? caught.code : 'INTERNAL';
      if (code !== 'NOT_FOUND') {
        if (early !== undefined) {
          stoppedAt = accountId;
          break;
        }
        if (!stopsTheSlice.has(code)) streak.push(accountId);
        if (stopsTheSlice.has(code) || streak.length >= FAILURE_STREAK) {
          error = caught;
          break;
        }
        continue;
      }
      skipped += 1;
    }
    failed += streak.length;
    streak = [];
    done = accountId;
  }
  if (error === undefined && streak.length > 0) {
    failed += streak.length;
    done = streak[streak.length - 1] ?? done;
  }
  await exclusively(context, () => save(found, run, deps));
  const counts = { activityFilled: found.length, activitySkipped: skipped, activityFailed: failed };
  const next = counted(withCheckpoint(run, { cursor: done }), counts, calls);
  return { result: error === undefined ? { run: next } : { run: next, error }, stoppedAt };
};

/** The activity phase's fallback step (see {@link readActivity}). */
export const activityStep: Step = async (run, context) => (await readActivity(run, context)).result;
