import { DomainError } from '../../../../../src/domain/model/errors';
import type { Task } from '../../../../../src/domain/model/task';
import type { AuditActor } from '../../../../../src/domain/model/audit';
import type { ProposalStatus, TaskNotice, TaskProposal, TaskRun, TaskRunStatus } from '../../../../../src/domain/model/taskRecords';
import type { TaskNoticeRepository } from '../../../../../src/domain/ports/taskNoticeRepository';
import type { TaskProposalRepository } from '../../../../../src/domain/ports/taskProposalRepository';
import type { TaskRepository } from '../../../../../src/domain/ports/taskRepository';
import type { Page } from '../../../../../src/domain/ports/directoryReader';
import { pageOf } from '../../fakes/page';

const newestFirst = (a: TaskRun, b: TaskRun): number => b.startedAt.getTime() - a.startedAt.getTime();

/** Tasks and runs in memory, with the SQL repository's CONFLICT on a stale save and its idempotent start per slot. */
export class FakeTaskRepository implements TaskRepository {
  tasks = new Map<string, Task>();
  runsById = new Map<string, TaskRun>();

  list(): Promise<Task[]> {
    const live = [...this.tasks.values()].filter((t) => t.deletedAt === null);
    return Promise.resolve(structuredClone(live.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))));
  }
  get(id: string): Promise<Task | null> {
    return Promise.resolve(structuredClone(this.tasks.get(id) ?? null));
  }
  save(task: Task, expectedUpdatedAt: Date | null): Promise<void> {
    const stored = this.tasks.get(task.id);
    if ((stored?.updatedAt.getTime() ?? null) !== (expectedUpdatedAt?.getTime() ?? null)) {
      return Promise.reject(new DomainError('CONFLICT', 'The task changed since it was loaded', { taskId: task.id }));
    }
    this.tasks.set(task.id, structuredClone(task));
    return Promise.resolve();
  }
  markDeleted(id: string, at: Date): Promise<void> {
    const stored = this.tasks.get(id);
    if (stored !== undefined && stored.deletedAt === null) this.tasks.set(id, { ...stored, deletedAt: at });
    return Promise.resolve();
  }
  startRun(run: TaskRun): Promise<{ run: TaskRun; created: boolean }> {
    const same = [...this.runsById.values()].find((r) => r.slotAt !== null && r.taskId === run.taskId && r.slotAt.getTime() === run.slotAt?.getTime());
    if (same !== undefined) return Promise.resolve({ run: structuredClone(same), created: false });
    this.runsById.set(run.id, structuredClone(run));
    return Promise.resolve({ run, created: true });
  }
  updateRun(run: TaskRun): Promise<void> {
    this.runsById.set(run.id, structuredClone(run));
    return Promise.resolve();
  }
  getRun(id: string): Promise<TaskRun | null> {
    return Promise.resolve(structuredClone(this.runsById.get(id) ?? null));
  }
  runs(taskId: string, limit: number, after: string | null): Promise<Page<TaskRun>> {
    return Promise.resolve(pageOf([...this.runsById.values()].filter((r) => r.taskId === taskId).sort(newestFirst), limit, after));
  }
  latestScheduledRun(taskId: string): Promise<TaskRun | null> {
    return Promise.resolve([...this.runsById.values()].filter((r) => r.taskId === taskId && r.trigger === 'schedule').sort(newestFirst)[0] ?? null);
  }
  latestRuns(taskIds: readonly string[]): Promise<Map<string, TaskRun>> {
    const latest = new Map<string, TaskRun>();
    for (const run of [...this.runsById.values()].sort(newestFirst)) if (taskIds.includes(run.taskId) && !latest.has(run.taskId)) latest.set(run.taskId, run);
    return Promise.resolve(latest);
  }
  runsWithStatus(statuses: readonly TaskRunStatus[], limit: number): Promise<TaskRun[]> {
    return Promise.resolve([...this.runsById.values()].filter((r) => statuses.includes(r.status)).slice(0, limit));
  }
}

/** Notices in memory; the first `announcedAt` of a user stays. */
export class FakeTaskNoticeRepository implements TaskNoticeRepository {
  notices: TaskNotice[] = [];
  forTask(taskId: string): Promise<TaskNotice[]> {
    return Promise.resolve(this.notices.filter((n) => n.taskId === taskId));
  }
  add(notices: readonly TaskNotice[]): Promise<void> {
    for (const n of notices) if (!this.notices.some((m) => m.taskId === n.taskId && m.accountId === n.accountId)) this.notices.push(n);
    return Promise.resolve();
  }
  clear(taskId: string, accountIds: readonly string[]): Promise<void> {
    this.notices = this.notices.filter((n) => n.taskId !== taskId || !accountIds.includes(n.accountId));
    return Promise.resolve();
  }
  clearTask(taskId: string): Promise<void> {
    this.notices = this.notices.filter((n) => n.taskId !== taskId);
    return Promise.resolve();
  }
}

/** Proposals in memory, decided once while pending and unexpired. */
export class FakeTaskProposalRepository implements TaskProposalRepository {
  proposals = new Map<string, TaskProposal>();
  create(proposal: TaskProposal): Promise<TaskProposal> {
    const same = [...this.proposals.values()].find((p) => p.runId === proposal.runId);
    if (same === undefined) this.proposals.set(proposal.id, structuredClone(proposal));
    return Promise.resolve(structuredClone(same ?? proposal));
  }
  get(id: string): Promise<TaskProposal | null> {
    return Promise.resolve(structuredClone(this.proposals.get(id) ?? null));
  }
  list(status: ProposalStatus, limit: number): Promise<TaskProposal[]> {
    return Promise.resolve([...this.proposals.values()].filter((p) => p.status === status).slice(0, limit));
  }
  decide(id: string, decision: { status: 'approved' | 'rejected'; by: AuditActor; at: Date; jobId: string | null }, now: Date): Promise<TaskProposal | null> {
    const stored = this.proposals.get(id);
    if (stored === undefined || stored.status !== 'pending' || now >= stored.expiresAt) return Promise.resolve(null);
    const decided = { ...stored, status: decision.status, decidedAt: decision.at, decidedBy: decision.by, jobId: decision.jobId };
    this.proposals.set(id, decided);
    return Promise.resolve(structuredClone(decided));
  }
  expire(now: Date): Promise<TaskProposal[]> {
    const expired = [...this.proposals.values()].filter((p) => p.status === 'pending' && now >= p.expiresAt);
    for (const p of expired) this.proposals.set(p.id, { ...p, status: 'expired' });
    return Promise.resolve(expired);
  }
}
