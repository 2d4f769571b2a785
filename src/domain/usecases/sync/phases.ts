import type { SyncPhase, SyncRun } from '../../model/jobs';
import { phaseOf } from './checkpoint';
import { customersStep, projectUsersStep, workspacesStep } from './sitePhases';
import { usersWithEarlyActivityStep } from './earlyActivity';
import { activityWithSiteStep } from './siteLane';
import type { Step } from './stepTypes';
import { groupsStep, membershipsStep } from './walkPhases';

/**
 * The sync's phases in order (docs/sync.md): workspaces → groups → users → memberships → activity → project users
 * → customers → finish. Each step reads one page (or one fallback batch), writes it, and returns the new checkpoint.
 * The users walk runs the fallback alongside it for the users stored so far (earlyActivity.ts); the activity phase
 * runs project users and customers alongside the rest of the fallback (siteLane.ts).
 * `finish` (and `done`) have no step: the slice ends the run there.
 */
const steps: Record<SyncPhase, Step | null> = {
  workspaces: workspacesStep,
  groups: groupsStep,
  users: usersWithEarlyActivityStep,
  memberships: membershipsStep,
  activity: activityWithSiteStep,
  'project-users': projectUsersStep,
  customers: customersStep,
  finish: null,
  done: null,
};

/** The step of the run's current phase; null when only the finish is left. */
export const stepFor = (run: SyncRun): Step | null => steps[phaseOf(run)];
