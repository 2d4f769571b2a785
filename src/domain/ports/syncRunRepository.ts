import type { SyncRun } from '../model/jobs';

/**
 * Sync runs (the jobs of kind 'sync') with their checkpoint, counters and history; the admin page polls `latest`. A run's two streams
 * (docs/sync.md) save their own parts: `update` everything but the activity stream, `updateActivity` only that, so
 * slices of the two running at once never overwrite each other. Neither changes a run that has ended.
 */
export interface SyncRunRepository {
  create(run: SyncRun): Promise<void>;
  update(run: SyncRun): Promise<void>;
  updateActivity(run: SyncRun): Promise<void>;
  get(id: string): Promise<SyncRun | null>;
  latest(): Promise<SyncRun | null>;
  history(limit: number): Promise<SyncRun[]>;
  /** The newest run the daily schedule started (its start is the schedule's last run), or null. */
  latestScheduled(): Promise<SyncRun | null>;
  /** The next generation number: one above the highest ever used. */
  nextGeneration(): Promise<number>;
}
