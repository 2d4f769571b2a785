import { z } from 'zod';
import { DomainError } from '../../model/errors';
import { syncDataTypeSchema, type SyncDataType, type SyncPhase, type SyncRun } from '../../model/jobs';
import { phaseOf, withCheckpoint } from './checkpoint';

/**
 * What a sync run reads and in which order (docs/sync.md, "Phases"): the data types an admin may pick, and the
 * phases a selection runs. The step that does each phase is in its own file (`workspacesStep.ts`, ...), picked by
 * the slice (`runSlice.ts`).
 */

/** Everything a scheduled sync reads (FEATURES Y1). */
export const ALL_DATA_TYPES: readonly SyncDataType[] = ['users', 'last-active', 'groups', 'project-users', 'customers'];

const requestSchema = z.object({
  dataTypes: z.array(syncDataTypeSchema).min(1).max(6),
  groupIds: z.array(z.string().min(1).max(256)).max(200),
});

/** What a run reads, after the S5 rules: "All groups" includes every group's memberships. */
export interface SyncSelection {
  dataTypes: SyncDataType[];
  groupIds: string[];
}

/**
 * Validates a manual selection (FEATURES S5). With `groups`, `group-memberships` and any picked groups are
 * included already and dropped; `group-memberships` alone needs at least one group.
 */
export const selectDataTypes = (dataTypes: readonly SyncDataType[], groupIds: readonly string[]): SyncSelection => {
  const parsed = requestSchema.safeParse({ dataTypes, groupIds });
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid sync selection', { issues: parsed.error.issues.length });
  }
  const types = new Set(parsed.data.dataTypes);
  if (types.has('groups')) {
    types.delete('group-memberships');
    return { dataTypes: syncDataTypeSchema.options.filter((t) => types.has(t)), groupIds: [] };
  }
  const groups = [...new Set(parsed.data.groupIds)];
  if (types.has('group-memberships') && groups.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'Pick at least one group to sync its memberships', {
      field: 'groupIds',
    });
  }
  return {
    dataTypes: syncDataTypeSchema.options.filter((t) => types.has(t)),
    groupIds: types.has('group-memberships') ? groups : [],
  };
};

/**
 * The phases of the main stream a selection runs, in order. The users walk (which also carries activity and every
 * membership) runs for users, last-active and groups. The per-user fallback is not among them: with last-active it
 * is a stream of its own beside them ({@link hasActivityStream}).
 */
export const planPhases = (dataTypes: readonly SyncDataType[]): SyncPhase[] => {
  const has = (t: SyncDataType): boolean => dataTypes.includes(t);
  const phases: [SyncPhase, boolean][] = [
    ['workspaces', true],
    ['groups', has('groups')],
    ['users', has('users') || has('last-active') || has('groups')],
    ['memberships', has('group-memberships') && !has('groups')],
    ['project-users', has('project-users')],
    ['customers', has('customers')],
    ['finish', true],
  ];
  return phases.filter(([, on]) => on).map(([phase]) => phase);
};

/** Whether a selection reads activity with the per-user fallback: the run's activity stream (activitySlice.ts). */
export const hasActivityStream = (dataTypes: readonly SyncDataType[]): boolean => dataTypes.includes('last-active');

/** Moves the run to the phase after its current one in its plan, with the walk position reset. */
export const nextPhase = (run: SyncRun): SyncRun => {
  const plan = planPhases(run.dataTypes);
  const next = plan[plan.indexOf(phaseOf(run)) + 1] ?? 'finish';
  return { ...withCheckpoint(run, { cursor: null, directoryIndex: 0, chunkIndex: 0 }), phase: next };
};
