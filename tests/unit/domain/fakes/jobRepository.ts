import type { Job, JobKind } from '../../../../src/domain/model/jobs';
import type { ItemChange, ItemIntent, ItemOutcome, JobItemCounts, JobItemResult, JobRepository } from '../../../../src/domain/ports/jobRepository';
import { pageOf } from './page';

type ItemState = JobItemResult['outcome'] | 'pending';
type ItemRow = { status: ItemState; reason: string | null; intent?: ItemIntent };

/** Jobs and their items in memory: each item pending, then with its intent, then with its result. */
export class FakeJobRepository implements JobRepository {
  jobs = new Map<string, Job>();
  items = new Map<string, Map<string, ItemRow>>();
  create(job: Job, accountIds: readonly string[]): Promise<void> {
    if (this.jobs.has(job.id)) return Promise.resolve();
    this.jobs.set(job.id, job);
    this.items.set(job.id, new Map(accountIds.map((id) => [id, { status: 'pending', reason: null }])));
    return Promise.resolve();
  }
  recordIntents(jobId: string, intents: readonly ItemIntent[]): Promise<void> {
    for (const intent of intents) {
      const row = this.of(jobId).get(intent.accountId);
      if (row?.status === 'pending') row.intent = intent;
    }
    return Promise.resolve();
  }
  intents(jobId: string, accountIds: readonly string[]): Promise<ItemIntent[]> {
    const rows = this.of(jobId);
    return Promise.resolve(accountIds.flatMap((id) => {
      const row = rows.get(id);
      return row?.status === 'pending' && row.intent !== undefined ? [row.intent] : [];
    }));
  }
  changes(jobId: string, accountIds: readonly string[]): Promise<ItemChange[]> {
    const rows = this.of(jobId);
    return Promise.resolve([...new Set(accountIds)].sort().flatMap((id) => {
      const row = rows.get(id);
      return row?.status === 'succeeded' && row.intent !== undefined ? [row.intent] : [];
    }));
  }
  revertsOf(jobIds: readonly string[]): Promise<Job[]> {
    const newest = new Map<string, Job>();
    for (const job of this.newestFirst()) if (job.spec.kind === 'revert' && jobIds.includes(job.spec.revertsJobId) && !newest.has(job.spec.revertsJobId)) newest.set(job.spec.revertsJobId, job);
    return Promise.resolve([...newest.values()]);
  }
  get(id: string): Promise<Job | null> {
    return Promise.resolve(this.jobs.get(id) ?? null);
  }
  update(job: Job): Promise<void> {
    this.jobs.set(job.id, job);
    return Promise.resolve();
  }
  private newestFirst(): Job[] {
    return [...this.jobs.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
  }
  current(kind: JobKind): Promise<Job | null> {
    return Promise.resolve(this.newestFirst().find((j) => j.kind === kind && (j.status === 'queued' || j.status === 'running')) ?? null);
  }
  recent(limit: number): Promise<Job[]> {
    return Promise.resolve(this.newestFirst().slice(0, limit));
  }
  stalled(kind: JobKind, before: Date): Promise<Job[]> {
    const open = (j: Job): boolean => j.kind === kind && (j.status === 'queued' || j.status === 'running');
    return Promise.resolve([...this.jobs.values()].filter((j) => open(j) && j.updatedAt < before));
  }
  touchIfStalled(id: string, before: Date, now: Date): Promise<boolean> {
    const job = this.jobs.get(id);
    if (job === undefined || (job.status !== 'queued' && job.status !== 'running') || !(job.updatedAt < before)) return Promise.resolve(false);
    this.jobs.set(id, { ...job, updatedAt: now, attempts: job.attempts + 1 });
    return Promise.resolve(true);
  }
  private of(jobId: string): Map<string, ItemRow> {
    return this.items.get(jobId) ?? new Map<string, ItemRow>();
  }
  pendingItems(jobId: string, limit: number): Promise<string[]> {
    return Promise.resolve([...this.of(jobId)].filter(([, v]) => v.status === 'pending').map(([k]) => k).sort().slice(0, limit));
  }
  recordResults(jobId: string, results: readonly JobItemResult[]): Promise<void> {
    for (const r of results) this.of(jobId).set(r.accountId, { ...this.of(jobId).get(r.accountId), status: r.outcome, reason: r.reason });
    return Promise.resolve();
  }
  results(jobId: string, limit: number, after: string | null, outcome?: ItemOutcome): Promise<{ items: JobItemResult[]; next: string | null }> {
    const done = [...this.of(jobId)].flatMap(([accountId, v]) =>
      v.status === 'pending' || (outcome !== undefined && v.status !== outcome) ? [] : [{ accountId, outcome: v.status, reason: v.reason }],
    );
    return Promise.resolve(pageOf(done, limit, after));
  }
  itemCounts(jobId: string): Promise<JobItemCounts> {
    const counts = { pending: 0, succeeded: 0, failed: 0, skipped: 0 };
    for (const v of this.of(jobId).values()) counts[v.status] += 1;
    return Promise.resolve(counts);
  }
}
