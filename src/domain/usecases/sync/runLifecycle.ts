import type { AuditActor, AuditEntry } from '../../model/audit';
import { DomainError } from '../../model/errors';
import type { SyncDataType, SyncRun } from '../../model/jobs';
import type { LockLease } from '../../ports/lock';
import { STALL_AFTER_MS, SYNC_LOCK, SYNC_LOCK_TTL_SECONDS } from './budget';
import { initialCheckpoint } from './checkpoint';
import type { SliceOutcome } from './continuation';
import type { RunControlDeps, StartSyncDeps } from './deps';
import { estimateSteps } from './stepProgress';
import { sendSyncFailedNotice } from './syncFailedNotice';
import { activityStream, initialActivity, mainStream, streamsOf, totalsOf, type Stream } from './streams';
import { ALL_DATA_TYPES, hasActivityStream, selectDataTypes, type SyncSelection } from './syncPlan';

/*
 * A sync run's life outside its slices (docs/sync.md): start it, push a stream's slice, resume a stream that was
 * parked or went silent, end the run when both streams are done. A slice itself runs in runSlice.ts (the main
 * stream) and activitySlice.ts, and continues, parks or backs off after an error with continuation.ts.
 */

const SYSTEM: AuditActor = { kind: 'system' };

/** How long the run took (so far, while it runs). */
export const durationMs = (run: SyncRun, now: Date): number =>
  Math.max(0, (run.finishedAt ?? now).getTime() - run.startedAt.getTime());

/**
 * The run's 'sync.run' audit entry. Its id is derived from the run, so appending it again (a re-delivered
 * slice) is a no-op.
 */
export const syncAuditEntry = (run: SyncRun, event: 'start' | 'end', actor: AuditActor, at: Date): AuditEntry => ({
  id: `sync-${run.id}-${event}`,
  at,
  actor,
  action: 'sync.run',
  targetAccountId: null,
  outcome: event === 'end' && run.status === 'failed' ? 'failed' : 'succeeded',
  reason: event === 'end' ? run.checkpoint.failureReason : null,
  details: {
    event: event === 'start' ? 'started' : run.status,
    trigger: run.trigger,
    dataTypes: run.dataTypes.join(','),
    groupCount: run.groupIds.length,
    generation: run.generation,
    ...(event === 'end' ? { phase: run.phase, durationMs: durationMs(run, at), apiCalls: run.apiCalls } : {}),
    ...(event === 'end' ? { errors: run.errors, ...run.checkpoint.counts } : {}),
  },
  jobId: run.id,
});

/** The 'sync' lease the run's start took. */
export const syncLease = (run: SyncRun): LockLease => ({ name: SYNC_LOCK, token: run.checkpoint.lockToken });

/**
 * Ends a run: the audit entry first, then the `sync-failed` notice of a failed run, then the lock, then the run's
 * status (a repeated end queues the same notice, which sends nothing twice). In that order a crash at any point is
 * repaired by re-running the same slice (the run still says `running`), and never leaves a finished run holding
 * the lock. The lock is released with the run's own lease: if the run outlived it and another start holds the
 * lock now, that holder keeps it.
 */
export const endRun = async (
  run: SyncRun,
  status: 'succeeded' | 'partially-failed' | 'failed',
  reason: string | null,
  deps: RunControlDeps,
): Promise<SyncRun> => {
  const now = deps.clock.now();
  const { counts, apiCalls, errors } = totalsOf(run);
  const ended: SyncRun = {
    ...run,
    status,
    finishedAt: now,
    phase: status === 'failed' ? run.phase : 'done',
    apiCalls,
    errors,
    checkpoint: { ...run.checkpoint, counts, failureReason: reason, savedAt: now },
  };
  await deps.audit.append([syncAuditEntry(ended, 'end', SYSTEM, now)]);
  await sendSyncFailedNotice(ended, deps);
  await deps.lock.release(syncLease(run));
  await deps.runs.update(ended);
  return ended;
};

/**
 * Called by a stream that has just saved that it is done: ends the run when every stream of it is done,
 * partially failed when some users' activity could not be read. It reads the run again first: the other stream
 * may have finished meanwhile in another invocation. Both may see both done and end the run; the second end
 * changes nothing (same audit entry id, the lease already released, an ended run is not updated).
 */
export const finishIfDone = async (stream: Stream, deps: RunControlDeps, runId: string): Promise<SliceOutcome> => {
  const run = await deps.runs.get(runId);
  if (run?.status !== 'running') return { kind: 'finished', status: run?.status ?? 'succeeded' };
  if (!streamsOf(run).every((s) => s.done(run))) return { kind: 'stream-done', stream: stream.kind };
  const ended = await endRun(run, totalsOf(run).counts.activityFailed > 0 ? 'partially-failed' : 'succeeded', null, deps);
  return { kind: 'finished', status: ended.status };
};

/** Pushes the message for the stream's slice and records that it was pushed (one more push in its chain). */
export const pushSlice = async (run: SyncRun, stream: Stream, delaySeconds: number, deps: RunControlDeps): Promise<SyncRun> => {
  const control = stream.control(run);
  await deps.queue.push({ kind: stream.kind, runId: run.id, slice: control.slice }, delaySeconds);
  const pushed = stream.withControl(run, { continuationPushed: true, chainPushes: control.chainPushes + 1 });
  await stream.save(pushed, deps);
  return pushed;
};

/** A stream the tick must resume: parked at its chain budget, or silent for too long while it still has work. */
const stalled = (run: SyncRun, stream: Stream, now: Date): boolean => {
  const control = stream.control(run);
  const silent = now.getTime() - control.savedAt.getTime() > STALL_AFTER_MS;
  return control.parked || (silent && (!stream.done(run) || streamsOf(run).every((s) => s.done(run))));
};

/** A running run the tick must resume: one of its streams parked, or silent (no checkpoint) for too long. */
export const needsResume = (run: SyncRun, now: Date): boolean =>
  run.status === 'running' && streamsOf(run).some((stream) => stalled(run, stream, now));

/**
 * Resumes each parked or stalled stream of a run by pushing its slice again. Called from the hourly tick, so the
 * push starts a new chain with a fresh budget of 1000 pushes. If an old message for that slice is still delivered,
 * both run the same slice from the same checkpoint: same rows, same end state.
 */
export const resumeSync = async (run: SyncRun, deps: RunControlDeps): Promise<SyncRun> => {
  const now = deps.clock.now();
  let resumed = run;
  for (const stream of streamsOf(run).filter((s) => stalled(run, s, now))) {
    resumed = stream.withControl(resumed, { parked: false, chainPushes: 0, continuationPushed: false, savedAt: now });
    await stream.save(resumed, deps);
    resumed = await pushSlice(resumed, stream, 0, deps);
  }
  return resumed;
};

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
 * that ends the run (`endRun`), which releases the lock with it. The run gets a new generation; slice 0 of the main
 * stream, then of the activity stream (with last-active), are pushed last.
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
      createdBy: command.actor.kind === 'admin' ? command.actor.accountId : null,
      startedAt: now,
      finishedAt: null,
      status: 'running',
      phase: 'workspaces',
      processed: 0,
      estimatedTotal: expected > 0 ? expected : null,
      apiCalls: 0,
      errors: 0,
      checkpoint: initialCheckpoint(key.orgId, now, lease.token, estimates),
      activity: hasActivityStream(selection.dataTypes) ? initialActivity(now) : null,
    };
    await deps.runs.create(run);
    created = run;
    await deps.audit.append([syncAuditEntry(run, 'start', command.actor, now)]);
    const pushed = await pushSlice(run, mainStream, 0, deps);
    return pushed.activity === null ? pushed : await pushSlice(pushed, activityStream, 0, deps);
  } catch (error) {
    // Nothing may keep the lock or a half-started run: the run fails, the lock goes, the caller sees the error.
    if (created === null) await deps.lock.release(lease);
    else await endRun(created, 'failed', 'START_FAILED', deps);
    throw error;
  }
};
