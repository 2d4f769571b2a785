import type { AuditActor, AuditEntry } from '../../../model/audit';
import type { TaskProposal } from '../../../model/taskRecords';

/** What happened to a proposal, as its audit entry records it. */
export type ProposalEvent = 'approved' | 'rejected' | 'expired';

/**
 * A proposal's audit entry (approved, rejected or expired); the number of users, never who they are. Its ID names the
 * decision, so the entry can be written before the decision is stored and written again by a retry.
 */
export const proposalAuditEntry = (proposal: TaskProposal, event: ProposalEvent, actor: AuditActor, at: Date): AuditEntry => ({
  id: `task-proposal:${proposal.id}:${event}`,
  at,
  actor,
  action: 'task.run',
  targetAccountId: null,
  outcome: event === 'approved' ? 'succeeded' : 'skipped',
  reason: event === 'approved' ? null : `proposal-${event}`,
  details: { proposalId: proposal.id, taskId: proposal.taskId, runId: proposal.runId, event: `proposal-${event}`, users: proposal.accountIds.length },
  jobId: proposal.jobId,
});
