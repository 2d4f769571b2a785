import { DomainError } from '../../model/errors';
import type { TaskChange } from '../../model/task';
import { isProposalOpen, type ProposalStatus, type TaskProposal } from '../../model/taskRecords';
import type { Clock } from '../../ports/clock';
import type { TaskProposalRepository } from '../../ports/taskProposalRepository';
import type { TaskRepository } from '../../ports/taskRepository';
import type { UserRepository } from '../../ports/userRepository';
import { offsetPage } from './offsetPage';

/** A proposal as the review list shows it: its task by name, its change, how many users, and who decided it. */
export interface ProposalView {
  proposalId: string;
  taskId: string;
  taskName: string | null;
  change: TaskChange;
  users: number;
  createdAt: Date;
  expiresAt: Date;
  /** `expired` as soon as `expiresAt` has passed, even before the hourly tick marked it. */
  status: ProposalStatus;
  decidedAt: Date | null;
  /** The admin who approved or rejected it; null when expired, undecided, or the admin is unknown to the directory. */
  decidedByName: string | null;
  /** The bulk job an approval started (its results show in the Jobs view). */
  jobId: string | null;
}

/** What the proposal views read. */
export interface ProposalViewDeps {
  proposals: Pick<TaskProposalRepository, 'get' | 'list'>;
  tasks: Pick<TaskRepository, 'get'>;
  users: Pick<UserRepository, 'getMany'>;
  clock: Clock;
}

const toViews = async (proposals: readonly TaskProposal[], deps: ProposalViewDeps): Promise<ProposalView[]> => {
  const taskIds = [...new Set(proposals.map((p) => p.taskId))];
  const tasks = new Map((await Promise.all(taskIds.map((id) => deps.tasks.get(id)))).flatMap((t) => (t === null ? [] : [[t.id, t.name] as const])));
  const admins = proposals.flatMap((p) => (p.decidedBy?.kind === 'admin' ? [p.decidedBy.accountId] : []));
  const names = new Map((await deps.users.getMany([...new Set(admins)])).map((u) => [u.accountId, u.name]));
  const now = deps.clock.now();
  return proposals.map((p) => ({
    proposalId: p.id,
    taskId: p.taskId,
    taskName: tasks.get(p.taskId) ?? null,
    change: p.change,
    users: p.accountIds.length,
    createdAt: p.createdAt,
    expiresAt: p.expiresAt,
    status: p.status === 'pending' && !isProposalOpen(p, now) ? 'expired' : p.status,
    decidedAt: p.decidedAt,
    decidedByName: p.decidedBy?.kind === 'admin' ? (names.get(p.decidedBy.accountId) ?? null) : null,
    jobId: p.jobId,
  }));
};

/** The proposal as the review list shows it. */
export const toProposalView = async (proposal: TaskProposal, deps: ProposalViewDeps): Promise<ProposalView> => (await toViews([proposal], deps))[0] as ProposalView;

/** T6: proposals with `status`, newest first; `pending` lists only those still open (not past their expiry). */
export const listProposals = async (request: { status: ProposalStatus; limit: number }, deps: ProposalViewDeps): Promise<ProposalView[]> => {
  const views = await toViews(await deps.proposals.list(request.status, request.limit), deps);
  return views.filter((v) => request.status !== 'pending' || v.status === 'pending');
};

/** A user in a proposal's plan, as the admin recognises them (null name and email: no longer in the synced copy). */
export interface ProposedUserView {
  accountId: string;
  name: string | null;
  email: string | null;
}

/** T6: a proposal and one page of the users it would change (offset cursor), as the admin saw them proposed. */
export const proposalDetail = async (
  request: { proposalId: string; limit: number; after: string | null },
  deps: ProposalViewDeps,
): Promise<{ proposal: ProposalView; items: ProposedUserView[]; next: string | null }> => {
  const proposal = await deps.proposals.get(request.proposalId);
  if (proposal === null) throw new DomainError('NOT_FOUND', 'No such proposal', { proposalId: request.proposalId });
  const page = offsetPage(proposal.accountIds, request.limit, request.after);
  const ids = page.items;
  const people = new Map((await deps.users.getMany(ids)).map((u) => [u.accountId, u]));
  const items = ids.map((accountId) => ({ accountId, name: people.get(accountId)?.name ?? null, email: people.get(accountId)?.email ?? null }));
  return { proposal: await toProposalView(proposal, deps), items, next: page.next };
};
