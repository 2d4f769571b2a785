import type { SyncCheckpoint, SyncCounts, SyncPhase, SyncRun } from '../../model/jobs';
import type { GroupRepository } from '../../ports/groupRepository';
import type { UserRepository } from '../../ports/userRepository';
import { phaseOf } from './checkpoint';
import { planPhases } from './syncPlan';

/** One step that is running: what it has read so far against what it expects (null: no estimate). */
export interface StepProgress {
  phase: SyncPhase;
  processed: number;
  total: number | null;
}

type Estimates = SyncCheckpoint['estimates'];

/** What each step has read so far, from the run's counters (the workspaces step is one short read: no count). */
const processedBy: Partial<Record<SyncPhase, (counts: SyncCounts) => number>> = {
  groups: (c) => c.groups,
  users: (c) => c.users,
  memberships: (c) => c.membershipUsers,
  activity: (c) => c.activityFilled + c.activitySkipped + c.activityFailed,
  'project-users': (c) => c.projectRoleMembers,
  customers: (c) => c.customers,
};

/** The steps whose size the synced copy tells before they run. */
const estimateOf: Partial<Record<SyncPhase, keyof Estimates>> = { groups: 'groups', users: 'users', memberships: 'memberships' };

const progressOf = (counts: SyncCounts, estimates: Estimates | null, phase: SyncPhase): StepProgress | null => {
  const read = processedBy[phase];
  if (read === undefined) return null;
  const processed = read(counts);
  const key = estimateOf[phase];
  const estimate = key === undefined || estimates === null ? null : estimates[key];
  return { phase, processed, total: estimate === null ? null : Math.max(estimate, processed) };
};

/** The activity stream's step while it reads: not once it is done, nor while its early pass waits for the walk's end. */
const activityProgress = (run: SyncRun): StepProgress | null => {
  const { activity } = run;
  if (activity === null || activity.pass === 'done' || (activity.pass === 'early' && activity.earlyStopped)) return null;
  return progressOf(activity.counts, null, 'activity');
};

/**
 * The steps a running run is working on (docs/decisions.md, "Sync progress"), one per stream: the main stream's
 * step (until its phases are done), then the activity stream's while it reads. Empty for a run that has ended.
 */
export const runningSteps = (run: SyncRun): StepProgress[] => {
  if (run.status !== 'running') return [];
  const phase = phaseOf(run);
  const main = phase === 'finish' || phase === 'done' ? null : progressOf(run.checkpoint.counts, run.checkpoint.estimates, phase);
  return [main, activityProgress(run)].filter((step): step is StepProgress => step !== null);
};

/** What starting a run reads to size its steps. */
export type EstimateDeps = { users: Pick<UserRepository, 'count'>; groups: Pick<GroupRepository, 'count' | 'memberCounts'> };

/** The synced copy's sizes for the steps the run plans; a count of 0 (nothing synced yet) is no estimate. */
export const estimateSteps = async (run: Pick<SyncRun, 'dataTypes' | 'groupIds'>, deps: EstimateDeps): Promise<Estimates> => {
  const plan = planPhases(run.dataTypes);
  const known = (n: number): number | null => (n > 0 ? n : null);
  const members = async (): Promise<number> =>
    Object.values(await deps.groups.memberCounts(run.groupIds)).reduce((sum, n) => sum + n, 0);
  return {
    groups: plan.includes('groups') ? known(await deps.groups.count()) : null,
    users: plan.includes('users') ? known(await deps.users.count()) : null,
    memberships: plan.includes('memberships') ? known(await members()) : null,
  };
};
