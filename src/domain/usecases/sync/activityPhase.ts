import { isDomainError } from '../../model/errors';
import type { SyncRun } from '../../model/jobs';
import type { UserActivity } from '../../ports/directoryGateway';
import { withActivity } from './activityMerge';
import { counted, nextPhase, withCheckpoint } from './checkpoint';
import type { SyncDeps } from './deps';
import { exclusively, type Step } from './stepTypes';

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

/**
 * The per-user last-active fallback, only for users whose activity the walk could not give. It reads them in
 * account-id order after the checkpoint cursor, one call each (the gateway paces to 200/min per org), as long as
 * the slice has room. A user that cannot be read keeps `activityKnown = false`: never counted as inactive.
 */
export const activityStep: Step = async (run, context) => {
  const { deps, limits, meter, roomForFallback } = context;
  const ids = await deps.users.withUnknownActivity(limits.fallbackBatch, run.checkpoint.cursor);
  if (ids.length === 0) return { run: nextPhase(run) };
  const found: UserActivity[] = [];
  let done = run.checkpoint.cursor;
  let streak: string[] = [];
  let skipped = 0;
  let failed = 0;
  let calls = 0;
  let error: unknown;
  for (const accountId of ids) {
    if (!roomForFallback()) break;
    meter.fallbackCalls += 1;
    calls += 1;
    try {
      found.push(await deps.directory.lastActiveDates(run.checkpoint.orgId, accountId));
    } catch (caught) {
      const code = isDomainError(caught) ? caught.code : 'INTERNAL';
      if (code !== 'NOT_FOUND') {
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
  return error === undefined ? { run: next } : { run: next, error };
};
