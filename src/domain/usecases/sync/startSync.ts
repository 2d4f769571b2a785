import type { AuditActor } from '../../model/audit';
import { DomainError } from '../../model/errors';
import type { SyncDataType, SyncRun } from '../../model/jobs';
import { SYNC_LOCK, SYNC_LOCK_TTL_SECONDS } from './budget';
import { initialCheckpoint } from './checkpoint';
import { ALL_DATA_TYPES, selectDataTypes, type SyncSelection } from './dataTypes';
import type { StartSyncDeps } from './deps';
import { endRun, syncAuditEntry } from './endRun';
import { pushSlice } from './continuation';
import { estimateSteps } from './stepProgress';

/** A request to start a sync. */
export interface StartSyncCommand {
  trigger: SyncRun['trigger'];
  /** Who asked: the admin (manual), the task, or the system (schedule). */
  actor: AuditActor;
  /** FEATURES S5 selection for a manual sync; a scheduled sync reads everything. */
  dataTypes?: readonly SyncDataType[];
  groupIds?: readonly string[];
}

const selectionOf = (command: StartSyncCommand): SyncSelection =>
  command.trigger === 'schedule' || command.dataTypes === undefined
    ? { dataTypes: [...ALL_DATA_TYPES], groupIds: [] }
    : selectDataTypes(command.dataTypes, command.groupIds ?? []);

const lockHeld = (): DomainError => new DomainError('LOCK_HELD', 'A sync is already running');

/**
 * Starts a sync (scheduled, manual with the S5 data types, or for a task) and returns its run. Takes the 'sync'
 * lock and refuses with LOCK_HELD while another sync runs (the lock for duplicate ticks and double clicks, the run
 * table for runs that outlive the lock's lease). The lease's token travels in the run's checkpoint to the slice
 * that ends the run (`endRun`), which releases the lock with it. The run gets a new generation; the first slice is
 * pushed last.
 * Throws VALIDATION_FAILED for a bad selection and API_KEY_MISSING before a key is configured.
 */
export const startSync = async (command: StartSyncCommand, deps: StartSyncDeps): Promise<SyncRun> => {
  const selection = selectionOf(command);
  const key = await deps.secrets.info();
  if (key === null) throw new DomainError('API_KEY_MISSING', 'No organization API key is configured yet.');
  const lease = await deps.lock.acquire(SYNC_LOCK, SYNC_LOCK_TTL_SECONDS);
  if (lease === null) throw lockHeld();
  let created: SyncRun | null = null;
  try {
    if ((await deps.runs.latest())?.status === 'running') throw lockHeld();
    const now = deps.clock.now();
    const estimates = await estimateSteps(selection, deps);
    // `processed` counts the users the users walk and the memberships walk read: its estimate is theirs.
    const expected = (estimates.users ?? 0) + (estimates.memberships ?? 0);
    const run: SyncRun = {
      id: deps.ids.next(),
      generation: await deps.runs.nextGeneration(),
      trigger: command.trigger,
      dataTypes: selection.dataTypes,
      groupIds: selection.groupIds,
      startedAt: now,
      finishedAt: null,
      status: 'running',
      phase: 'workspaces',
      processed: 0,
      estimatedTotal: expected > 0 ? expected : null,
      apiCalls: 0,
      errors: 0,
      checkpoint: initialCheckpoint(key.orgId, now, lease.token, estimates),
    };
    await deps.runs.create(run);
    created = run;
    await deps.audit.append([syncAuditEntry(run, 'start', command.actor, now)]);
    return await pushSlice(run, 0, deps);
  } catch (error) {
    // Nothing may keep the lock or a half-started run: the run fails, the lock goes, the caller sees the error.
    if (created === null) await deps.lock.release(lease);
    else await endRun(created, 'failed', 'START_FAILED', deps);
    throw error;
  }
};
