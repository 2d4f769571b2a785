import type { SiteLane, SyncRun } from '../../model/jobs';
import { activityStep } from './activityStep';
import { phaseOf, withCheckpoint } from './checkpoint';
import { planPhases } from './syncPlan';
import { customersStep } from './customersStep';
import { projectUsersStep } from './projectUsersStep';
import { laneSaves, phaseLaneMerge, withDelta } from './lanes';
import type { Step } from './stepTypes';

type SitePhase = Exclude<SiteLane['phase'], 'done'>;
const siteSteps: Record<SitePhase, Step> = { 'project-users': projectUsersStep, customers: customersStep };

/** The first site phase of the run's plan (they come right after the fallback), or 'done' without any. */
const firstSitePhase = (run: SyncRun): SiteLane['phase'] => {
  const plan = planPhases(run.dataTypes);
  if (plan.includes('project-users')) return 'project-users';
  return plan.includes('customers') ? 'customers' : 'done';
};

/** The run as a site step sees it: in the lane's phase, at the lane's cursor. */
const siteView = (run: SyncRun, lane: SiteLane & { phase: SitePhase }): SyncRun =>
  withCheckpoint({ ...run, phase: lane.phase }, { cursor: lane.cursor });

/** A site step's result merged into the shared run: its counters, and its phase and cursor as the lane's. */
const siteMerge = (current: SyncRun, view: SyncRun, result: SyncRun): SyncRun => {
  const phase = phaseOf(result);
  const lane: SiteLane = { phase: phase === 'project-users' || phase === 'customers' ? phase : 'done', cursor: result.checkpoint.cursor };
  return withCheckpoint(withDelta(current, view, result), { siteLane: lane });
};

/** Once the fallback is complete, the run goes on in the lane's phase from its cursor (or finishes). */
const joined = (run: SyncRun): SyncRun => {
  const lane = run.checkpoint.siteLane;
  if (lane === undefined || phaseOf(run) === 'activity') return run;
  return withCheckpoint({ ...run, phase: lane.phase === 'done' ? 'finish' : lane.phase }, { cursor: lane.cursor, siteLane: undefined });
};

/**
 * The activity phase with the site phases alongside it (docs/sync.md). The per-user fallback is paced by its
 * rate limit (200/min per org) and leaves the consumer idle between calls; project users and customers read Jira,
 * not the Admin API, so they run meanwhile in a second lane with its own phase and cursor in the checkpoint
 * (`siteLane`). Each lane saves the checkpoint after each of its steps; they stop together when the fallback
 * lane ends (complete, out of room, or an error), and the first error is returned to the slice. When the
 * fallback is complete the run continues in the lane's phase; a run without site phases just runs the fallback.
 */
export const activityWithSiteStep: Step = async (start, context) => {
  const first = firstSitePhase(start);
  if (first === 'done') return activityStep(start, context);
  const { deps, limits, meter } = context;
  let shared = start.checkpoint.siteLane === undefined ? withCheckpoint(start, { siteLane: { phase: first, cursor: null } }) : start;
  let stopped = false;
  let error: unknown;
  const saveRun = laneSaves(deps);
  const save = (): Promise<void> => saveRun(shared);
  const fail = (caught: unknown): void => {
    error ??= caught;
    stopped = true;
  };
  const fallbackLane = async (): Promise<void> => {
    try {
      while (!stopped && phaseOf(shared) === 'activity' && context.roomForFallback()) {
        const base = shared;
        const result = await activityStep(base, context);
        shared = phaseLaneMerge(shared, base, result.run);
        await save();
        if (result.error !== undefined) fail(result.error);
      }
    } catch (caught) {
      fail(caught);
    } finally {
      stopped = true;
    }
  };
  const siteLane = async (): Promise<void> => {
    try {
      for (let lane = shared.checkpoint.siteLane; lane !== undefined && lane.phase !== 'done'; lane = shared.checkpoint.siteLane) {
        if (stopped || meter.pages >= limits.pagesPerSlice) return;
        const view = siteView(shared, { ...lane, phase: lane.phase });
        const result = await siteSteps[lane.phase](view, context);
        shared = siteMerge(shared, view, result.run);
        await save();
      }
    } catch (caught) {
      fail(caught);
    }
  };
  await Promise.all([fallbackLane(), siteLane()]);
  const run = joined(shared);
  return error === undefined ? { run } : { run, error };
};
