import type { AuditActor } from '../../../model/audit';
import { DomainError } from '../../../model/errors';
import { isProposalOpen, type TaskProposal } from '../../../model/taskRecords';
import type { TaskRunnerDeps } from '../runnerDeps';
import { approvalJobId, approvalRunId, finishApproval } from './approveProposal';
import { proposalAuditEntry } from './proposalAudit';
import { startBlocker, underStartLease } from './startTaskRun';

/** What an admin decides about a proposal (T6). */
export interface DecideProposalRequest {
  proposalId: string;
  decision: 'approve' | 'reject';
}

const closed = (id: string): DomainError => new DomainError('CONFLICT', 'This proposal was already decided or has expired', { proposalId: id });

/**
 * Approving, with the checks of Run now (no sync running, no run of the task running, an API key): the decision (with
 * the jobId of the run it starts), then its audit entry and run (finishApproval, which can be repeated).
 */
const approve = async (proposal: TaskProposal, actor: AuditActor, deps: TaskRunnerDeps): Promise<TaskProposal> => {
  const task = await deps.tasks.get(proposal.taskId);
  if (task === null || task.deletedAt !== null) throw new DomainError('NOT_FOUND', 'The task of this proposal was deleted', { taskId: proposal.taskId });
  if ((await deps.secrets.info()) === null) throw new DomainError('API_KEY_MISSING', 'No API key is configured');
  const blocked = await startBlocker(task.id, deps);
  if (blocked !== null) throw blocked;
  const now = deps.clock.now();
  const jobId = await approvalJobId(proposal, task, deps);
  const decided = await deps.proposals.decide(proposal.id, { status: 'approved', by: actor, at: now, jobId }, now);
  if (decided === null) throw closed(proposal.id);
  await finishApproval(decided, deps);
  return decided;
};

/** Rejecting: the audit entry first, then the decision; nobody is changed. */
const reject = async (proposal: TaskProposal, actor: AuditActor, deps: TaskRunnerDeps): Promise<TaskProposal> => {
  const now = deps.clock.now();
  await deps.audit.append([proposalAuditEntry(proposal, 'rejected', actor, now)]);
  const decided = await deps.proposals.decide(proposal.id, { status: 'rejected', by: actor, at: now, jobId: null }, now);
  if (decided === null) throw closed(proposal.id);
  return decided;
};

/**
 * T6: approves or rejects a pending proposal, under the task's start lease (a Run now, another decision or a tick
 * of the same task waits its turn). Approving runs it as a job, planned again at that moment (finishApproval);
 * rejecting changes nobody. Audited with the deciding admin: a rejection's entry is written before the decision, so
 * that none is stored without it; an approval's right after it, by the steps a retry or the tick can finish. NOT_FOUND for an unknown proposal (or one whose task was deleted, on approval);
 * CONFLICT when it was already decided or has expired — decided once, even by two admins at the same moment;
 * LOCK_HELD (approval) while a sync or a run of the task is running; API_KEY_MISSING (approval) without a key.
 * An approval whose process died after the decision is finished by approving again (or by the hourly tick).
 */
export const decideProposal = async (request: DecideProposalRequest, actor: AuditActor, deps: TaskRunnerDeps): Promise<TaskProposal> => {
  const found = await deps.proposals.get(request.proposalId);
  if (found === null) throw new DomainError('NOT_FOUND', 'No such proposal', { proposalId: request.proposalId });
  return underStartLease(found.taskId, deps, async () => {
    const proposal = (await deps.proposals.get(found.id)) ?? found;
    if (request.decision === 'approve' && proposal.status === 'approved' && (await deps.tasks.getRun(approvalRunId(proposal.id))) === null) {
      await finishApproval(proposal, deps);
      return proposal;
    }
    if (!isProposalOpen(proposal, deps.clock.now())) throw closed(proposal.id);
    return request.decision === 'approve' ? approve(proposal, actor, deps) : reject(proposal, actor, deps);
  });
};
