import type { TaskDefinition } from '../../model/task';
import { proposalExpiry, type TaskNotice, type TaskProposal } from '../../model/taskRecords';
import type { TaskPlan } from './planTask';

/** T5: the notices a run stores for the users it announced, once the `users-to-be-changed` webhook has them. */
export const noticesToStore = (taskId: string, plan: TaskPlan, now: Date): TaskNotice[] =>
  plan.notices.announce.map(({ accountId, plannedChangeAt }) => ({ taskId, accountId, announcedAt: now, plannedChangeAt }));

/** T5: the notices a run clears: of users who no longer match, and of users it changed (their notice is spent). */
export const noticesToClear = (plan: TaskPlan, changedAccountIds: readonly string[]): string[] => [...new Set([...plan.notices.clear, ...changedAccountIds])];

/**
 * T6: the proposal a review-mode run stores — its change and the users it would change, expiring after
 * PROPOSAL_TTL_DAYS — leaving out users a proposal of the task still waiting for review has (`alreadyProposed`), so
 * that approving two proposals never changes a user twice. Null when the task does not propose, or when there is
 * nothing to propose (nobody would change, everyone is proposed already, or the safety cap stopped the run).
 */
export const proposalOf = (
  task: Pick<TaskDefinition, 'action'>,
  plan: TaskPlan,
  ids: { id: string; taskId: string; runId: string },
  now: Date,
  alreadyProposed: ReadonlySet<string> = new Set(),
): TaskProposal | null => {
  if (task.action.type !== 'propose' || plan.safety.status === 'over-cap') return null;
  const accountIds = plan.items.flatMap((i) => (i.decision === 'will-change' && !alreadyProposed.has(i.accountId) ? [i.accountId] : []));
  if (accountIds.length === 0) return null;
  return { ...ids, change: task.action.change, accountIds, createdAt: now, expiresAt: proposalExpiry(now), status: 'pending', decidedAt: null, decidedBy: null, jobId: null };
};
