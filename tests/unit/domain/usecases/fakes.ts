import type { AuditEntry } from '../../../../src/domain/model/audit';
import type { Group } from '../../../../src/domain/model/group';
import type { Job, JobKind } from '../../../../src/domain/model/jobs';
import type { User } from '../../../../src/domain/model/user';
import { classifyUser } from '../../../../src/domain/policy/inactivityPolicy';
import type { AuditLog, AuditQuery } from '../../../../src/domain/ports/auditLog';
import type { GroupRepository } from '../../../../src/domain/ports/groupRepository';
import type { ItemIntent, ItemOutcome, JobItemCounts, JobItemResult, JobRepository } from '../../../../src/domain/ports/jobRepository';
import type { UserFilter, UserQuery, UserQueryContext, UserRepository } from '../../../../src/domain/ports/userRepository';
import { NOW } from '../fixtures';

export * from './fakeStores';

export const clockAt = (at: Date = NOW): { now: () => Date; set: (d: Date) => void } => {
  let t = at;
  return { now: () => t, set: (d) => { t = d; } };
};

let counter = 0;
export const ids = { next: (): string => `id-${String(++counter)}` };

const page = <T>(items: readonly T[], limit: number, after: string | null): { items: T[]; next: string | null } => {
  const start = after === null ? 0 : Number(after);
  const slice = items.slice(start, start + limit);
  return { items: [...slice], next: start + limit < items.length ? String(start + limit) : null };
};

const matches = (u: User, f: UserFilter, c: UserQueryContext): boolean =>
  (f.accountStatus === undefined || f.accountStatus.includes(u.accountStatus)) &&
  (f.inactivity === undefined || f.inactivity.includes(classifyUser(u, c.thresholds, c.now))) &&
  (f.protected === undefined || c.protectedEmails.isProtected(u.email) === f.protected) &&
  (f.search === undefined || u.name.toLowerCase().startsWith(f.search.toLowerCase()));

/** The synced directory in memory; `list` pages in name order over the filters the tests use. */
export class MemoryUsers implements UserRepository {
  rows = new Map<string, User>();
  upserts: { users: User[]; generation: number }[] = [];
  constructor(users: readonly User[] = []) {
    for (const u of users) this.rows.set(u.accountId, u);
  }
  upsertMany(users: readonly User[], generation: number): Promise<void> {
    this.upserts.push({ users: [...users], generation });
    for (const u of users) this.rows.set(u.accountId, u);
    return Promise.resolve();
  }
  get(id: string): Promise<User | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }
  getMany(ids: readonly string[]): Promise<User[]> {
    return Promise.resolve(ids.flatMap((id) => this.rows.get(id) ?? []));
  }
  private matching(f: UserFilter, c: UserQueryContext): User[] {
    return [...this.rows.values()].filter((u) => matches(u, f, c)).sort((a, b) => a.name.localeCompare(b.name));
  }
  list(q: UserQuery, c: UserQueryContext): Promise<{ items: User[]; next: string | null }> {
    return Promise.resolve(page(this.matching(q.filter, c), q.limit, q.after));
  }
  countMatching(f: UserFilter, c: UserQueryContext): Promise<number> {
    return Promise.resolve(this.matching(f, c).length);
  }
  markLeftBefore = (): Promise<number> => Promise.resolve(0);
  withUnknownActivity = (): Promise<string[]> => Promise.resolve([]);
  count(): Promise<number> {
    return Promise.resolve(this.rows.size);
  }
}

export class MemoryGroups implements GroupRepository {
  constructor(readonly groups: Group[] = [], readonly members: Record<string, number> = {}) {}
  upsertMany = (): Promise<void> => Promise.resolve();
  upsertMemberships = (): Promise<void> => Promise.resolve();
  deleteNotSeenSince = (): Promise<number> => Promise.resolve(0);
  deleteMembershipsNotSeenSince = (): Promise<number> => Promise.resolve(0);
  get(id: string): Promise<Group | null> {
    return Promise.resolve(this.groups.find((g) => g.id === id) ?? null);
  }
  list(search: string | null, limit: number, after: string | null): Promise<{ items: Group[]; next: string | null }> {
    const found = this.groups.filter((g) => search === null || g.name.startsWith(search));
    return Promise.resolve(page(found, limit, after));
  }
  memberCounts(ids: readonly string[]): Promise<Record<string, number>> {
    return Promise.resolve(Object.fromEntries(ids.map((id) => [id, this.members[id] ?? 0])));
  }
  count(): Promise<number> {
    return Promise.resolve(this.groups.length);
  }
}

export class MemoryAudit implements AuditLog {
  entries: AuditEntry[] = [];
  append(entries: readonly AuditEntry[]): Promise<void> {
    for (const e of entries) if (!this.entries.some((x) => x.id === e.id)) this.entries.push(e);
    return Promise.resolve();
  }
  writeItemEntries(entries: readonly AuditEntry[]): Promise<void> {
    for (const e of entries) {
      const at = this.entries.findIndex((x) => x.id === e.id);
      if (at === -1) this.entries.push(e);
      else this.entries[at] = e;
    }
    return Promise.resolve();
  }
  query(q: AuditQuery): Promise<{ items: AuditEntry[]; next: string | null }> {
    const found = this.entries.filter(
      (e) => (q.targetAccountId === undefined || e.targetAccountId === q.targetAccountId) && (q.search === undefined || e.jobId === q.search),
    );
    return Promise.resolve(page([...found].reverse(), q.limit, q.after));
  }
}

type ItemState = JobItemResult['outcome'] | 'pending';
type ItemRow = { status: ItemState; reason: string | null; intent?: ItemIntent };

export class MemoryJobs implements JobRepository {
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
    return Promise.resolve(page(done, limit, after));
  }
  itemCounts(jobId: string): Promise<JobItemCounts> {
    const counts = { pending: 0, succeeded: 0, failed: 0, skipped: 0 };
    for (const v of this.of(jobId).values()) counts[v.status] += 1;
    return Promise.resolve(counts);
  }
}
