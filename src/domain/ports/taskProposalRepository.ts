import type { AuditActor } from '../model/audit';
import type { ProposalStatus, TaskProposal } from '../model/taskRecords';

/**
 * T6: the plans review-mode runs propose. A proposal is decided once: `decide` moves it from `pending` only while it
 * is still pending and not expired, so two admins (or an admin and the expiry) cannot both decide it. A proposal
 * whose `expiresAt` has passed counts as expired even before `expire` has marked it.
 */
export interface TaskProposalRepository {
  /** Idempotent per run: a re-delivered run that proposes again gets the stored proposal back. */
  create(proposal: TaskProposal): Promise<TaskProposal>;
  get(id: string): Promise<TaskProposal | null>;
  /** Proposals with `status`, newest first (the "waiting for review" list asks for `pending`). */
  list(status: ProposalStatus, limit: number): Promise<TaskProposal[]>;
  /**
   * Approves or rejects a pending, unexpired proposal at `now`; returns the proposal as stored afterwards, or null
   * when it was not pending any more (decided, or expired) and nothing changed. `jobId`: the bulk job an approval starts.
   */
  decide(
    id: string,
    decision: { status: 'approved' | 'rejected'; by: AuditActor; at: Date; jobId: string | null },
    now: Date,
  ): Promise<TaskProposal | null>;
  /** Marks pending proposals expired at `now` (the hourly tick); answers those it marked, for the audit. */
  expire(now: Date): Promise<TaskProposal[]>;
}
