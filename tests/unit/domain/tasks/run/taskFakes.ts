import { DomainError } from '../../../../../src/domain/model/errors';
import type { ProductTarget, Task, TaskRule } from '../../../../../src/domain/model/task';
import type { ProposalStatus, TaskNotice, TaskProposal, TaskRun, TaskRunStatus } from '../../../../../src/domain/model/taskRecords';
import type { User } from '../../../../../src/domain/model/user';
import type { Page, UserActivity } from '../../../../../src/domain/ports/directoryReader';
import type { ActivityRule, SeatHolder, TaskCandidates } from '../../../../../src/domain/ports/taskCandidates';
import type { TaskNoticeRepository } from '../../../../../src/domain/ports/taskNoticeRepository';
import type { TaskProposalRepository } from '../../../../../src/domain/ports/taskProposalRepository';
import type { TaskRepository } from '../../../../../src/domain/ports/taskRepository';

/** Tasks and runs in memory, as the port describes them (idempotent startRun per scheduled slot). */
export class FakeTaskRepository implements TaskRepository {
  tasks = new Map<string, Task>();
  runsById = new Map<string, TaskRun>();
  list(): Promise<Task[]> {
    return Promise.resolve([...this.tasks.values()].filter((t) => t.deletedAt === null).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)));
  }
  get(id: string): Promise<Task | null> {
    return Promise.resolve(structuredClone(this.tasks.get(id) ?? null));
  }
  save(task: Task, expectedUpdatedAt: Date | null): Promise<void> {
    const stored = this.tasks.get(task.id);
    if ((stored?.updatedAt.getTime() ?? null) !== (expectedUpdatedAt?.getTime() ?? null)) return Promise.reject(new DomainError('CONFLICT', 'moved on'));
    this.tasks.set(task.id, structuredClone(task));
    return Promise.resolve();
  }
  markDeleted(id: string, at: Date): Promise<void> {
    const stored = this.tasks.get(id);
    if (stored && stored.deletedAt === null) stored.deletedAt = at;
    return Promise.resolve();
  }
  startRun(run: TaskRun): Promise<{ run: TaskRun; created: boolean }> {
    const same = [...this.runsById.values()].find(
      (r) => r.id === run.id || (run.slotAt !== null && r.taskId === run.taskId && r.slotAt?.getTime() === run.slotAt.getTime()),
    );
    if (same) return Promise.resolve({ run: structuredClone(same), created: false });
    this.runsById.set(run.id, structuredClone(run));
    return Promise.resolve({ run: structuredClone(run), created: true });
  }
  updateRun(run: TaskRun): Promise<void> {
    this.runsById.set(run.id, structuredClone(run));
    return Promise.resolve();
  }
  getRun(id: string): Promise<TaskRun | null> {
    return Promise.resolve(structuredClone(this.runsById.get(id) ?? null));
  }
  private newestFirst(taskId?: string): TaskRun[] {
    return [...this.runsById.values()].filter((r) => taskId === undefined || r.taskId === taskId).sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || b.id.localeCompare(a.id));
  }
  runs(taskId: string, limit: number, after: string | null): Promise<Page<TaskRun>> {
    const all = this.newestFirst(taskId);
    const start = after === null ? 0 : all.findIndex((r) => r.id === after) + 1;
    const items = all.slice(start, start + limit);
    return Promise.resolve({ items, next: start + limit < all.length ? (items.at(-1)?.id ?? null) : null });
  }
  latestScheduledRun(taskId: string): Promise<TaskRun | null> {
    return Promise.resolve(this.newestFirst(taskId).find((r) => r.trigger === 'schedule') ?? null);
  }
  latestRuns(taskIds: readonly string[]): Promise<Map<string, TaskRun>> {
    return Promise.resolve(new Map(taskIds.flatMap((id) => { const r = this.newestFirst(id)[0]; return r ? [[id, r] as const] : []; })));
  }
  runsWithStatus(statuses: readonly TaskRunStatus[], limit: number): Promise<TaskRun[]> {
    return Promise.resolve(this.newestFirst().filter((r) => statuses.includes(r.status)).slice(0, limit));
  }
  /** The runs of a task, oldest first (for assertions). */
  history(taskId: string): TaskRun[] {
    return this.newestFirst(taskId).reverse();
  }
}

export class FakeTaskNoticeRepository implements TaskNoticeRepository {
  rows: TaskNotice[] = [];
  forTask(taskId: string): Promise<TaskNotice[]> {
    return Promise.resolve(structuredClone(this.rows.filter((n) => n.taskId === taskId)));
  }
  add(notices: readonly TaskNotice[]): Promise<void> {
    for (const n of notices) if (!this.rows.some((r) => r.taskId === n.taskId && r.accountId === n.accountId)) this.rows.push(structuredClone(n));
    return Promise.resolve();
  }
  clear(taskId: string, accountIds: readonly string[]): Promise<void> {
    this.rows = this.rows.filter((r) => r.taskId !== taskId || !accountIds.includes(r.accountId));
    return Promise.resolve();
  }
  clearTask(taskId: string): Promise<void> {
    this.rows = this.rows.filter((r) => r.taskId !== taskId);
    return Promise.resolve();
  }
}

export class FakeTaskProposalRepository implements TaskProposalRepository {
  rows = new Map<string, TaskProposal>();
  create(proposal: TaskProposal): Promise<TaskProposal> {
    const same = [...this.rows.values()].find((p) => p.runId === proposal.runId);
    if (same) return Promise.resolve(structuredClone(same));
    this.rows.set(proposal.id, structuredClone(proposal));
    return Promise.resolve(structuredClone(proposal));
  }
  get(id: string): Promise<TaskProposal | null> {
    return Promise.resolve(structuredClone(this.rows.get(id) ?? null));
  }
  list(status: ProposalStatus, limit: number): Promise<TaskProposal[]> {
    return Promise.resolve([...this.rows.values()].filter((p) => p.status === status).slice(0, limit));
  }
  decide(id: string, decision: { status: 'approved' | 'rejected'; by: TaskProposal['decidedBy']; at: Date; jobId: string | null }, now: Date): Promise<TaskProposal | null> {
    const p = this.rows.get(id);
    if (!p || p.status !== 'pending' || now >= p.expiresAt) return Promise.resolve(null);
    Object.assign(p, { status: decision.status, decidedBy: decision.by, decidedAt: decision.at, jobId: decision.jobId });
    return Promise.resolve(structuredClone(p));
  }
  expire(now: Date): Promise<TaskProposal[]> {
    const expired = [...this.rows.values()].filter((p) => p.status === 'pending' && now >= p.expiresAt);
    for (const p of expired) p.status = 'expired';
    return Promise.resolve(structuredClone(expired));
  }
}

/**
 * Every synced user still in the org (the SQL adapter narrows by the rule; planTask decides either way); a seat cap's
 * holders as the index keys them (since their last activity on the site, else since they were added). `rules` and
 * `read` record what was asked.
 */
export class AllUsersCandidates implements TaskCandidates {
  rules: TaskRule[] = [];
  read: string[][] = [];
  constructor(private readonly synced: () => User[]) {}
  private inOrg(): User[] {
    return this.synced().filter((u) => u.membershipStatus !== 'no_membership').sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
  }
  forRule(rule: ActivityRule): Promise<User[]> {
    this.rules.push(rule);
    return Promise.resolve(structuredClone(this.inOrg()));
  }
  seatHolders(product: ProductTarget): Promise<SeatHolder[]> {
    return Promise.resolve(
      this.inOrg().flatMap((u) =>
        u.productAccess
          .filter((a) => a.productKey === product.productKey && a.resourceId === product.resourceId)
          .map((a) => ({ accountId: u.accountId, billable: u.billable, activityKnown: u.activityKnown, since: a.lastActiveAt ?? u.addedToOrgAt })),
      ),
    );
  }
  users(accountIds: readonly string[]): Promise<User[]> {
    this.read.push([...accountIds]);
    const wanted = new Set(accountIds);
    return Promise.resolve(structuredClone(this.inOrg().filter((u) => wanted.has(u.accountId))));
  }
}

/** The per-user last-active read, answering from the directory's live users; `calls` counts reads. */
export class LiveActivity {
  calls = 0;
  /** Each read with the number of directory writes made before it (`writes` counts them). */
  log: [string, number][] = [];
  constructor(private readonly live: Map<string, User>, private readonly writes: () => number = () => 0) {}
  lastActiveDates = (_orgId: string, accountId: string): Promise<UserActivity> => {
    this.calls += 1;
    this.log.push([accountId, this.writes()]);
    const user = this.live.get(accountId);
    if (!user) return Promise.reject(new DomainError('NOT_FOUND', 'no such user'));
    return Promise.resolve({ accountId, addedToOrgAt: user.addedToOrgAt, products: user.productAccess.map((a) => ({ ...a })) });
  };
}
