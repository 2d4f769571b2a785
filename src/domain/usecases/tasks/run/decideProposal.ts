import type { AuditActor, AuditEntry } from '../../../model/audit';
import { DomainError } from '../../../model/errors';
import type { Task } from '../../../model/task';
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

/** Approved proposals the tick looks at (newest first): a lost run is noticed within the hour it was lost. */
const APPROVALS_CHECKED = 20;

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

/** A plan of the proposal's users now over the synced copy: the change, the filter, protection and the rule (the notice was served). */
const replan = async (proposal: TaskProposal, task: Task, now: Date, deps: TaskRunnerDeps) => {
  const planned = { ...task, action: proposal.change, noticeDays: 0, safetyCap: Math.max(task.safetyCap, proposal.accountIds.length) };
  const context = await taskPlanContext(planned, await deps.settings.load(), now, deps.groups);
  return planTask(planned, await deps.users.getMany(proposal.accountIds), [], context);
};

/** The run of an approved proposal that will change someone: its id is the one its first job names. */
const approvedRunId = (jobId: string): string => jobId.slice(0, -taskJobId('', 0).length);

/**
 * Records the run of an approved proposal and its jobs, and pushes its first slice. Idempotent (the run and jobs
 * by id), so the hourly tick can finish what a slice that died after the decision left undone.
 */
const launch = async (proposal: TaskProposal, task: Task, runId: string, actor: AuditActor, now: Date, deps: TaskRunnerDeps): Promise<void> => {
  const plan = await replan(proposal, task, now, deps);
  const parts = jobParts(proposal.change, plan.items);
  const counts = { matched: proposal.accountIds.length, changed: 0, failed: 0, skipped: proposal.accountIds.length - plan.summary.willChange, announced: 0 };
  const acting = parts.length > 0;
  const run: TaskRun = { id: runId, taskId: task.id, trigger: 'manual', slotAt: null, startedAt: now, finishedAt: acting ? null : now, status: acting ? 'running' : 'succeeded', reason: null, counts, jobId: acting ? taskJobId(runId, 0) : null };
  if (acting) await createTaskJobs(run, parts, actor, now, deps.jobs);
  await deps.tasks.startRun(run);
  if (acting) await deps.queue.push({ kind: 'task-run', taskId: task.id, runId, slice: 0 });
};

/**
 * Approving marks the proposal decided first, naming the run's first job (a second admin then gets CONFLICT), then
 * starts a run (`manual`) that acts on the proposal's users: planned again now, then carried out by the bulk
 * executor, which reads each user live and re-checks them against the task. The approving admin is the actor.
 */
const approve = async (proposal: TaskProposal, actor: AuditActor, deps: TaskRunnerDeps): Promise<TaskProposal> => {
  const task = await deps.tasks.get(proposal.taskId);
  if (task === null || task.deletedAt !== null) throw new DomainError('NOT_FOUND', 'The task of this proposal was deleted', { taskId: proposal.taskId });
  const now = deps.clock.now();
  const runId = deps.ids.next();
  const decided = await deps.proposals.decide(proposal.id, { status: 'approved', by: actor, at: now, jobId: taskJobId(runId, 0) }, now);
  if (decided === null) throw closed(proposal.id);
  await deps.audit.append([proposalAuditEntry(decided, actor, now)]);
  await launch(decided, task, runId, actor, now, deps);
  return decided;
};

/**
 * The hourly tick's repair of approvals: an approved proposal whose run was never recorded (the slice died right
 * after the decision) gets it now, planned again at this moment.
 */
export const resumeApprovals = async (deps: TaskRunnerDeps): Promise<void> => {
  for (const proposal of await deps.proposals.list('approved', APPROVALS_CHECKED)) {
    if (proposal.jobId === null || proposal.decidedBy === null) continue;
    const runId = approvedRunId(proposal.jobId);
    if ((await deps.tasks.getRun(runId)) !== null) continue;
    const task = await deps.tasks.get(proposal.taskId);
    if (task !== null) await launch(proposal, task, runId, proposal.decidedBy, deps.clock.now(), deps);
  }
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
