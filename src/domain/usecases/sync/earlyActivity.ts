import type { SyncRun } from '../../model/jobs';
import { activityStep } from './activityPhase';
import { phaseOf, withCheckpoint } from './checkpoint';
import { planPhases } from './dataTypes';
import { withDelta } from './siteLane';
import { laneSaves } from './laneSaves';
import type { Step, StepContext } from './stepTypes';
import { usersStep } from './walkPhases';

/** Runs each piece of work after the previous one has settled (whether it succeeded or not). */
const oneAtATime = (): (<T>(work: () => Promise<T>) => Promise<T>) => {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
};

/** A users-walk step's result merged into the shared run: its counters, its phase and walk position. */
const walkMerge = (current: SyncRun, base: SyncRun, result: SyncRun): SyncRun => {
  const { cursor, directoryIndex, chunkIndex, usersWalkComplete } = result.checkpoint;
  const merged = { ...withDelta(current, base, result), phase: result.phase, processed: current.processed + result.processed - base.processed };
  return withCheckpoint(merged, { cursor, directoryIndex, chunkIndex, usersWalkComplete });
};

/**
 * An early fallback batch merged into the shared run: the users it filled in and its API calls. Users it could not
 * read (or that had gone) are not counted here: they are still unknown, so the activity phase reads them again from
 * the start and counts them then. After a batch in which a user failed, the cursor stays where it was and the lane
 * stops (`stop`): the failed user is then met again among the users not yet read, as without this lane, and not
 * after a run of other failed users that would look like an outage of the endpoint.
 */
const earlyMerge = (current: SyncRun, view: SyncRun, result: SyncRun): { run: SyncRun; stop: boolean } => {
  const counted = withDelta(current, view, result);
  const { activityFailed, activitySkipped } = current.checkpoint.counts;
  const stop = result.checkpoint.counts.activityFailed > view.checkpoint.counts.activityFailed;
  const run = withCheckpoint(counted, {
    counts: { ...counted.checkpoint.counts, activityFailed, activitySkipped },
    earlyActivityCursor: stop ? current.checkpoint.earlyActivityCursor : result.checkpoint.cursor,
  });
  return { run, stop };
};

/**
 * The users walk with the per-user fallback already running beside it (docs/sync.md). The fallback is paced at
 * 200/min per org and is the longest part of a large sync; waiting for the whole walk before starting it would add
 * the walk's duration to the run. So while the walk reads pages, a second lane reads the unknown users stored so
 * far, in account-id order from `earlyActivityCursor`; when it has caught up it waits for the next page. Users a
 * later page stores behind that cursor are left to the activity phase, which starts from the beginning and finds
 * only the users still unknown. The two lanes' user writes run one at a time (`exclusive`), so a fallback's
 * read-merge-write of a user never interleaves with a page write. A fallback error or a user that cannot be read only stops
 * this lane (the walk goes on; the activity phase meets it again and handles it as always); a walk error stops both and is
 * returned to the slice. Runs without the activity phase (manual syncs without last-active) just walk, as
 * do runs with `limits.earlyActivity` off.
 */
export const usersWithEarlyActivityStep: Step = async (start, context) => {
  if (!context.limits.earlyActivity || !planPhases(start.dataTypes).includes('activity')) return usersStep(start, context);
  const { deps, limits, meter } = context;
  const lanes: StepContext = { ...context, exclusive: oneAtATime() };
  let shared = start.checkpoint.earlyActivityCursor === undefined ? withCheckpoint(start, { earlyActivityCursor: null }) : start;
  let walking = true;
  let error: unknown;
  const saveRun = laneSaves(deps);
  const save = (): Promise<void> => saveRun(shared);
  let pageStored = (): void => undefined;
  let nextPage = new Promise<void>((resolve) => {
    pageStored = resolve;
  });
  const announcePage = (): void => {
    const resolve = pageStored;
    nextPage = new Promise<void>((next) => {
      pageStored = next;
    });
    resolve();
  };
  const walkLane = async (): Promise<void> => {
    try {
      while (phaseOf(shared) === 'users' && meter.pages < limits.pagesPerSlice && context.roomForFallback()) {
        const base = shared;
        const result = await usersStep(base, lanes);
        shared = walkMerge(shared, base, result.run);
        if (result.error === undefined) shared = withCheckpoint(shared, { attempts: 0 });
        await save();
        announcePage();
        if (result.error !== undefined) {
          error = result.error;
          return;
        }
      }
    } catch (caught) {
      error = caught;
    } finally {
      walking = false;
      announcePage();
    }
  };
  const fallbackLane = async (): Promise<void> => {
    while (walking && context.roomForFallback()) {
      const stored = nextPage;
      const view = withCheckpoint(shared, { cursor: shared.checkpoint.earlyActivityCursor ?? null });
      const result = await activityStep(view, lanes).catch(() => null);
      if (result === null) return; // the activity phase will meet the error again
      if (phaseOf(result.run) !== phaseOf(view)) {
        await stored; // caught up: nobody unknown after the cursor until the walk stores another page
        continue;
      }
      const merged = earlyMerge(shared, view, result.run);
      shared = merged.run;
      await save();
      if (merged.stop || result.error !== undefined) return;
    }
  };
  await Promise.all([walkLane(), fallbackLane()]);
  return error === undefined ? { run: shared } : { run: shared, error };
};
