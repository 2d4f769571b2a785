import { isDomainError, type ErrorCode } from '../../model/errors';
import type { SyncCounts, SyncRun } from '../../model/jobs';
import { errorResponse } from '../../policy/errorPolicy';
import type { UserActivity } from '../../ports/directoryReader';
import { withActivity } from './activityMerge';
import type { SyncDeps } from './deps';
import type { StepContext } from './stepTypes';
import { activityOf } from './streams';

/** Errors that stop the fallback at once (the slice waits, or the run fails); others are about one user. */
const stopsTheSlice = (code: ErrorCode): boolean => errorResponse(code) !== 'fail-item';
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

/** What one batch of the fallback did. */
export interface ActivityBatch {
  /** Nobody unknown after the cursor: the pass has caught up (early) or is complete (final). */
  empty: boolean;
  /** The last user the batch is done with. */
  cursor: string | null;
  counts: Pick<SyncCounts, 'activityFilled' | 'activitySkipped' | 'activityFailed'>;
  calls: number;
  /** The early pass met a user it cannot read and stopped before it (not counted, not passed). */
  stopped: boolean;
  /** Set when the final pass must stop the slice (rate limit, rejected key, three failures in a row). */
  error?: unknown;
}

/**
 * One batch of the per-user fallback: the unknown users after the activity stream's cursor in account-id order,
 * one call each (the gateway paces to 200/min per org), as long as the slice has room. The final pass counts a user
 * that cannot be read as failed and passes it (three in a row: the endpoint is down, the step is retried). The early
 * pass reads only users this run's walk has stored, and stops at the first user it cannot read, before saving
 * anything after that user: the final pass meets the user again among those not yet read, so a failure is counted
 * once, by that pass. Users who have gone (NOT_FOUND) are passed; the early pass does not count them, as they are
 * still unknown and the final pass reads and counts them.
 */
export const readActivityBatch = async (run: SyncRun, context: StepContext): Promise<ActivityBatch> => {
  const { deps, limits, meter, roomForFallback } = context;
  const { pass, cursor } = activityOf(run);
  const early = pass === 'early';
  const ids = await deps.users.withUnknownActivity(limits.fallbackBatch, cursor, early ? run.generation : undefined);
  const counts = { activityFilled: 0, activitySkipped: 0, activityFailed: 0 };
  if (ids.length === 0) return { empty: true, cursor, counts, calls: 0, stopped: false };
  const found: UserActivity[] = [];
  let done = cursor;
  let streak: string[] = [];
  let calls = 0;
  let error: unknown;
  let stopped = false;
  for (const accountId of ids) {
    if (!roomForFallback()) break;
    meter.fallbackCalls += 1;
    calls += 1;
    try {
      found.push(await deps.directory.lastActiveDates(run.checkpoint.orgId, accountId));
    } catch (caught) {
      const code = isDomainError(caught) ? caught.code : 'INTERNAL';
      if (code !== 'NOT_FOUND') {
        if (early) {
          stopped = true;
          break;
        }
        if (!stopsTheSlice(code)) streak.push(accountId);
        if (stopsTheSlice(code) || streak.length >= FAILURE_STREAK) {
          error = caught;
          break;
        }
        continue;
      }
      if (!early) counts.activitySkipped += 1;
    }
    counts.activityFailed += streak.length;
    streak = [];
    done = accountId;
  }
  if (error === undefined && streak.length > 0) {
    counts.activityFailed += streak.length;
    done = streak[streak.length - 1] ?? done;
  }
  await save(found, run, deps);
  counts.activityFilled = found.length;
  return { empty: false, cursor: done, counts, calls, stopped, ...(error === undefined ? {} : { error }) };
};
