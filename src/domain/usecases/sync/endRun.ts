import type { AuditActor, AuditEntry } from '../../model/audit';
import type { SyncRun } from '../../model/jobs';
import type { LockLease } from '../../ports/lock';
import { SYNC_LOCK } from './budget';
import type { RunControlDeps } from './deps';

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
 * Ends a run: the audit entry first, then the lock, then the run's status. In that order a crash at any point is
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
  const ended: SyncRun = {
    ...run,
    status,
    finishedAt: now,
    phase: status === 'failed' ? run.phase : 'done',
    checkpoint: { ...run.checkpoint, failureReason: reason, savedAt: now },
  };
  await deps.audit.append([syncAuditEntry(ended, 'end', SYSTEM, now)]);
  await deps.lock.release(syncLease(run));
  await deps.runs.update(ended);
  return ended;
};

/** A run that read everything it could: partially failed when some users' activity could not be read. */
export const finishRun = (run: SyncRun, deps: RunControlDeps): Promise<SyncRun> =>
  endRun(run, run.checkpoint.counts.activityFailed > 0 ? 'partially-failed' : 'succeeded', null, deps);
