import type { SyncRun } from '../../../../src/domain/model/jobs';
import type { SyncRunRepository } from '../../../../src/domain/ports/syncRunRepository';
import { Tables } from './tables';

/**
 * Sync runs by id; `latest` and `history` newest generation first. Like the SQL repository, `update` keeps the
 * stored activity stream's part and `updateActivity` writes only that part; neither changes a run that has ended.
 */
export class FakeSyncRunRepository implements SyncRunRepository {
  runs = new Map<string, SyncRun>();
  updates = 0;

  constructor(private readonly t: Tables = new Tables()) {}

  create(run: SyncRun): Promise<void> {
    this.t.op();
    this.runs.set(run.id, structuredClone(run));
    return Promise.resolve();
  }

  update(run: SyncRun): Promise<void> {
    this.t.op();
    this.updates += 1;
    const stored = this.runs.get(run.id);
    if (stored?.status === 'running') this.runs.set(run.id, structuredClone({ ...run, activity: stored.activity }));
    return Promise.resolve();
  }

  updateActivity(run: SyncRun): Promise<void> {
    this.t.op();
    this.updates += 1;
    const stored = this.runs.get(run.id);
    if (stored?.status === 'running') this.runs.set(run.id, structuredClone({ ...stored, activity: run.activity }));
    return Promise.resolve();
  }

  get(id: string): Promise<SyncRun | null> {
    this.t.op();
    const run = this.runs.get(id);
    return Promise.resolve(run === undefined ? null : structuredClone(run));
  }

  latest(): Promise<SyncRun | null> {
    return this.history(1).then((runs) => runs[0] ?? null);
  }

  history(limit: number): Promise<SyncRun[]> {
    this.t.op();
    const runs = [...this.runs.values()].sort((a, b) => b.generation - a.generation);
    return Promise.resolve(structuredClone(runs.slice(0, limit)));
  }

  latestScheduled(): Promise<SyncRun | null> {
    return this.history(this.runs.size + 1).then((runs) => runs.find((r) => r.trigger === 'schedule') ?? null);
  }

  nextGeneration(): Promise<number> {
    this.t.op();
    return Promise.resolve(Math.max(0, ...[...this.runs.values()].map((r) => r.generation)) + 1);
  }
}
