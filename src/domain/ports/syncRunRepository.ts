import type { SyncRun } from '../model/jobs';

/** Sync runs with their checkpoint, counters and history; the admin page polls `latest`. */
export interface SyncRunRepository {
  create(run: SyncRun): Promise<void>;
  update(run: SyncRun): Promise<void>;
  get(id: string): Promise<SyncRun | null>;
  latest(): Promise<SyncRun | null>;
  history(limit: number): Promise<SyncRun[]>;
  /** The next generation number: one above the highest ever used. */
  nextGeneration(): Promise<number>;
}
