import type { AuditActor, AuditEntry } from '../../../model/audit';
import { DomainError } from '../../../model/errors';
import { isProposalOpen, type TaskProposal, type TaskRun } from '../../../model/taskRecords';
import { taskPlanContext } from '../evaluateTask';
import { planTask } from '../planTask';
import type { TaskRunnerDeps } from '../runnerDeps';
import { createTaskJobs, jobParts, taskJobId } from './taskJobs';

/** What an admin decides about a proposal (T6). */
export interface DecideProposalRequest {
  proposalId: string;
  decision: 'approve' | 'reject';
}

const closed = (id: string): DomainError => new DomainError('CONFLICT', 'This proposal was already decided or has expired', { proposalId: id });

/** A proposal's audit entry (approved, rejected or expired); the number of users, never who they are. */
export const proposalAuditEntry = (proposal: TaskProposal, actor: AuditActor, at: Date): AuditEntry => ({
  id: `task-proposal:${proposal.id}`,
  at,
  actor,
  action: 'task.run',
  targetAccountId: null,
  outcome: proposal.status === 'approved' ? 'succeeded' : 'skipped',
  reason: proposal.status === 'approved' ? null : `proposal-${proposal.status}`,
  details: { proposalId: proposal.id, taskId: proposal.taskId, runId: proposal.runId, event: `proposal-${proposal.status}`, users: proposal.accountIds.length },
  jobId: proposal.jobId,
});

/**
 * Approving starts a run (`manual`) that acts on the proposal's users: planned again now over the synced copy
 * (the change, the filter, protection and the rule; the notice was served before the proposal), then carried out
 * by the bulk executor, which reads each user live and re-checks them against the task. The proposal is marked
 * first (with the run's first job), so a second admin gets CONFLICT; a run with no one left to change ends at once.
 */
const approve = async (proposal: TaskProposal, actor: AuditActor, deps: TaskRunnerDeps): Promise<TaskProposal> => {
  const task = await deps.tasks.get(proposal.taskId);
  if (task === null || task.deletedAt !== null) throw new DomainError('NOT_FOUND', 'The task of this proposal was deleted', { taskId: proposal.taskId });
  const now = deps.clock.now();
  const planned = { ...task, action: proposal.change, noticeDays: 0, safetyCap: Math.max(task.safetyCap, proposal.accountIds.length) };
  const context = await taskPlanContext(planned, await deps.settings.load(), now, deps.groups);
  const plan = planTask(planned, await deps.users.getMany(proposal.accountIds), [], context);
  const parts = jobParts(proposal.change, plan.items);
  const runId = deps.ids.next();
  const decided = await deps.proposals.decide(proposal.id, { status: 'approved', by: actor, at: now, jobId: parts.length === 0 ? null : taskJobId(runId, 0) }, now);
  if (decided === null) throw closed(proposal.id);
  const counts = { matched: proposal.accountIds.length, changed: 0, failed: 0, skipped: proposal.accountIds.length - plan.summary.willChange, announced: 0 };
  const acting = parts.length > 0;
  const run: TaskRun = { id: runId, taskId: task.id, trigger: 'manual', slotAt: null, startedAt: now, finishedAt: acting ? null : now, status: acting ? 'running' : 'succeeded', reason: null, counts, jobId: acting ? taskJobId(runId, 0) : null };
  await deps.audit.append([proposalAuditEntry(decided, actor, now)]);
  if (acting) await createTaskJobs(run, parts, actor, now, deps.jobs);
  await deps.tasks.startRun(run);
  if (acting) await deps.queue.push({ kind: 'task-run', taskId: task.id, runId, slice: 0 });
  return decided;
};

/**
 * T6: approves or rejects a pending proposal. Approving runs it as a job, planned again at that moment (see
 * approve); rejecting changes nobody. Audited with the deciding admin. NOT_FOUND for an unknown proposal (or one
 * whose task was deleted, on approval); CONFLICT when it was already decided or has expired — decided once, even
 * by two admins at the same moment.
 */
export const decideProposal = async (request: DecideProposalRequest, actor: AuditActor, deps: TaskRunnerDeps): Promise<TaskProposal> => {
  const proposal = await deps.proposals.get(request.proposalId);
  if (proposal === null) throw new DomainError('NOT_FOUND', 'No such proposal', { proposalId: request.proposalId });
  const now = deps.clock.now();
  if (!isProposalOpen(proposal, now)) throw closed(proposal.id);
  if (request.decision === 'approve') return approve(proposal, actor, deps);
  const decided = await deps.proposals.decide(proposal.id, { status: 'rejected', by: actor, at: now, jobId: null }, now);
  if (decided === null) throw closed(proposal.id);
  await deps.audit.append([proposalAuditEntry(decided, actor, now)]);
  return decided;
};
