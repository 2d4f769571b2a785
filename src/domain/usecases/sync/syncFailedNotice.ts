import type { SyncRun } from '../../model/jobs';
import type { Notifier } from '../../ports/notifier';
import type { SyncRunRepository } from '../../ports/syncRunRepository';

export interface SyncFailedNoticeDeps {
  runs: Pick<SyncRunRepository, 'history'>;
  notifier?: Notifier;
}

/**
 * Sends `sync-failed` (FEATURES S7) for a run that has just failed, unless the run before it failed with the same
 * code: a sync that keeps failing for one reason (say, an expired key) is announced once, not every day — each
 * announcement costs the customer an Automation rule run. A success in between announces the next failure again; a
 * cancelled run in between changes nothing.
 * Never throws and never delays the run: a notice that cannot be queued is lost, the run's own outcome stands.
 */
export const sendSyncFailedNotice = async (run: SyncRun, deps: SyncFailedNoticeDeps): Promise<void> => {
  const { notifier } = deps;
  if (notifier === undefined || run.status !== 'failed') return;
  const code = run.checkpoint.failureReason ?? 'FAILED';
  try {
    const previous = (await deps.runs.history(5)).find((r) => r.id !== run.id && (r.status === 'succeeded' || r.status === 'failed') && r.startedAt < run.startedAt);
    if (previous?.status === 'failed' && (previous.checkpoint.failureReason ?? 'FAILED') === code) return;
    await notifier.notify({ trigger: 'sync-failed', key: `sync-failed:${run.id}`, run: { id: run.id, trigger: run.trigger, startedAt: run.startedAt, failureCode: code } });
  } catch {
    // The run's outcome never depends on its notice.
  }
};
