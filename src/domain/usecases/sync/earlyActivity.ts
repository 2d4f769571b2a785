import type { SyncRun } from '../../model/jobs';
import { readActivity } from './activityStep';
import { phaseOf, withCheckpoint } from './checkpoint';
import { planPhases } from './syncPlan';
import { laneSaves, phaseLaneMerge, withDelta } from './lanes';
import type { Step, StepContext } from './stepTypes';
import { usersStep } from './usersStep';

/** Runs each piece of work after the previous one has settled (whether it succeeded or not). */
const oneAtATime = (): (<T>(work: () => Promise<T>) => Promise<T>) => {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
};

/**
 * An early fallback batch merged into the shared run: the users it filled in, its API calls and its cursor. Users
 * that had gone are not counted here: they are still unknown, so the activity phase reads them again and counts
 * them then. A batch that stopped at a user it could not read (`stopped`) kept its cursor before that user.
 */
const earlyMerge = (current: SyncRun, view: SyncRun, result: SyncRun, stopped: boolean): SyncRun => {
  const counted = withDelta(current, view, result);
  const { activitySkipped } = current.checkpoint.counts;
  return withCheckpoint(counted, {
    counts: { ...counted.checkpoint.counts, activitySkipped },
    earlyActivityCursor: result.checkpoint.cursor,
    ...(stopped ? { earlyActivityStopped: true } : {}),
  });
};

/**
 * The users walk with the per-user fallback already running beside it (docs/sync.md). The fallback is paced at
 * 200/min per org and is the longest part of a large sync; waiting for the whole walk before starting it would add
 * the walk's duration to the run. So while the walk reads pages, a second lane reads the unknown users stored so
 * far, in account-id order from `earlyActivityCursor`; when it has caught up it waits for the next page. Users a
 * later page stores behind that cursor are left to the activity phase, which starts from the beginning and finds
 * only the users still unknown. The lane reads only users this walk has stored (its generation), never rows left
 * from earlier runs. The two lanes' user writes run one at a time (`exclusive`), so a fallback's read-merge-write
 * of a user never interleaves with a page write. A user the lane cannot read stops it for the rest of the walk
 * (`earlyActivityStopped`, cursor before that user, nothing after it saved); any other error stops it for this
 * slice. The walk goes on, and the activity phase meets the user or the error again and handles it as always, so a
 * failure is counted once, by that phase. A walk error stops both lanes and is
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
        shared = phaseLaneMerge(shared, base, result.run);
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
    try {
      while (walking && shared.checkpoint.earlyActivityStopped !== true && context.roomForFallback()) {
        const stored = nextPage;
        const view = withCheckpoint(shared, { cursor: shared.checkpoint.earlyActivityCursor ?? null });
        const batch = await readActivity(view, lanes, { seenIn: view.generation });
        if (phaseOf(batch.result.run) !== phaseOf(view)) {
          await stored; // caught up: nobody unknown after the cursor until the walk stores another page
          continue;
        }
        shared = earlyMerge(shared, view, batch.result.run, batch.stoppedAt !== null);
        await save();
      }
    } catch {
      // Whatever stopped this lane (the endpoint, storage) the activity phase meets again and handles.
    }
  };
  await Promise.all([walkLane(), fallbackLane()]);
  return error === undefined ? { run: shared } : { run: shared, error };
};
