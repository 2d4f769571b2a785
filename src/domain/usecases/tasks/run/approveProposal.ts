import type { AuditActor } from '../../../model/audit';
import type { Task } from '../../../model/task';
import type { TaskProposal, TaskRun } from '../../../model/taskRecords';
import { taskPlanContext } from '../evaluateTask';
import { planTask, type TaskPlan } from '../planTask';
import type { TaskRunnerDeps } from '../runnerDeps';
import { SAFETY_CAP_EXCEEDED } from '../safetyCap';
import { seatsOf } from '../seatCapUsers';
import { proposalAuditEntry } from './proposalAudit';
import { deliverEnd } from './runOutcome';
import { createTaskJobs, jobParts, taskJobId, type JobPart } from './taskJobs';

/** The run an approval starts: derived from the proposal, so every step of an approval can be repeated. */
export const approvalRunId = (proposalId: string): string => `${proposalId}:approved`;

/** The proposal's users planned again now over the synced copy: the change, the filter, protection, the rule, the task's cap. */
const replan = async (proposal: TaskProposal, task: Task, deps: TaskRunnerDeps): Promise<{ plan: TaskPlan; parts: JobPart[] }> => {
  const planned = { ...task, action: proposal.change, noticeDays: 0 };
  const context = await taskPlanContext(planned, await deps.settings.load(), deps.clock.now(), deps.groups);
  // A seat cap removes only as many as the product is over its cap now, counted over all its holders.
  const seats = task.rule.kind === 'seat-cap' ? await seatsOf(deps.candidates, task.rule.product) : undefined;
  const plan = planTask(planned, await deps.users.getMany(proposal.accountIds), [], context, seats);
  return { plan, parts: plan.safety.status === 'over-cap' ? [] : jobParts(proposal.change, plan.items) };
};

/** The jobs a fresh approval will create: the first one's ID for the proposal record, null when nobody is left to change. */
export const approvalJobId = async (proposal: TaskProposal, task: Task, deps: TaskRunnerDeps): Promise<string | null> => {
  const { parts } = await replan(proposal, task, deps);
  return parts.length === 0 ? null : taskJobId(approvalRunId(proposal.id), 0);
};

/**
 * The steps after an approval was recorded (T6): plans the proposal's users again, creates the run's jobs, writes the
 * approval's audit entry, records the run and pushes its first slice. A plan over the task's safety cap (lowered
 * since the proposal, say) fails the run (`safety-cap-exceeded`), nobody changed. Every step is idempotent and the
 * run's ID derives from the proposal, so an approval whose process died is finished by the admin's retry or by the
 * hourly tick (healApprovals). Does nothing when the run is already recorded.
 */
export const finishApproval = async (proposal: TaskProposal, deps: TaskRunnerDeps): Promise<void> => {
  const runId = approvalRunId(proposal.id);
  if ((await deps.tasks.getRun(runId)) !== null) return;
  const task = await deps.tasks.get(proposal.taskId);
  if (task === null) return;
  const { plan, parts } = await replan(proposal, task, deps);
  const now = deps.clock.now();
  const actor: AuditActor = proposal.decidedBy ?? { kind: 'system' };
  const over = plan.safety.status === 'over-cap';
  const willChange = over ? 0 : plan.summary.willChange;
  const counts = { matched: proposal.accountIds.length, changed: 0, failed: 0, skipped: proposal.accountIds.length - willChange, announced: 0 };
  const acting = parts.length > 0;
  const status: TaskRun['status'] = acting ? 'running' : over ? 'failed' : 'succeeded';
  const run: TaskRun = { id: runId, taskId: task.id, trigger: 'manual', slotAt: null, startedAt: now, finishedAt: acting ? null : now, status, reason: over ? SAFETY_CAP_EXCEEDED : null, counts, jobId: acting ? taskJobId(runId, 0) : null };
  if (acting) await createTaskJobs(run, parts, actor, now, deps.jobs);
  await deps.audit.append([proposalAuditEntry(proposal, 'approved', actor, now)]);
  await deps.tasks.startRun(run);
  if (acting) await deps.queue.push({ kind: 'task-run', taskId: task.id, runId, slice: 0 });
  else await deliverEnd(run, task, deps);
};

/** How far back the hourly tick looks for approvals whose process died before their run was recorded. */
const HEAL_APPROVALS_MS = 24 * 60 * 60 * 1000;
const APPROVED_LIMIT = 50;

/** The hourly tick finishes recent approvals that have no run yet (their process died after the decision). */
export const healApprovals = async (now: Date, deps: TaskRunnerDeps): Promise<void> => {
  for (const proposal of await deps.proposals.list('approved', APPROVED_LIMIT)) {
    if (proposal.decidedAt === null || now.getTime() - proposal.decidedAt.getTime() > HEAL_APPROVALS_MS) continue;
    await finishApproval(proposal, deps);
  }
};
