import { skipReasons } from '../../../policy/actionEligibility';
import { revertSkipReasons } from '../../revert/revertRules';
import { taskSkipReasons } from '../taskPlanItem';

/**
 * Why a run failed or was skipped, or a proposal closed without running, as the run history and the audit log
 * record it. Stable codes; the UI translates each (`taskRunner.reasons.*`).
 */
export const taskRunReasons = ['safety-cap-exceeded', 'sync-overlap', 'notice-not-sent', 'proposal-rejected', 'proposal-expired', 'task-deleted', 'task-disabled'] as const;

const taskOnly = new Set<string>([...taskSkipReasons.filter((r) => !(skipReasons as readonly string[]).includes(r)), ...taskRunReasons]);

const revertOnly = new Set<string>(revertSkipReasons);

/**
 * The i18next key of a lower-case reason code: a task's own (its filter, its rule, its run) under
 * `taskRunner.reasons`, a revert's own under `revert.reasons`, any other under `bulk.reasons`.
 */
export const skipReasonKey = (reason: string): string => {
  if (taskOnly.has(reason)) return `taskRunner.reasons.${reason}`;
  return revertOnly.has(reason) ? `revert.reasons.${reason}` : `bulk.reasons.${reason}`;
};
