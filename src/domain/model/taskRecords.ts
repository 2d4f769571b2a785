import { z } from 'zod';
import { auditActorSchema } from './audit';
import { taskChangeSchema } from './task';

/**
 * T5: a user announced by a task (`users-to-be-changed`). `plannedChangeAt` is the run the change was announced
 * for; null for a notify-only task, whose notice only keeps it from notifying the same user twice.
 */
export const taskNoticeSchema = z.object({
  taskId: z.string().min(1),
  accountId: z.string().min(1),
  announcedAt: z.date(),
  plannedChangeAt: z.date().nullable(),
});
export type TaskNotice = z.infer<typeof taskNoticeSchema>;

/** How long a proposal waits for a decision before it expires (T6). */
export const PROPOSAL_TTL_DAYS = 7;

export const proposalStatusSchema = z.enum(['pending', 'approved', 'rejected', 'expired']);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

/**
 * T6: the plan of a review-mode run, waiting for an admin. Approving starts a bulk job over `accountIds`, planned
 * again at that moment; the stored plan is what the admin saw, not what will run.
 */
export const taskProposalSchema = z.object({
  id: z.string().min(1),
  taskId: z.string().min(1),
  runId: z.string().min(1),
  change: taskChangeSchema,
  accountIds: z.array(z.string().min(1)),
  createdAt: z.date(),
  expiresAt: z.date(),
  status: proposalStatusSchema,
  decidedAt: z.date().nullable(),
  decidedBy: auditActorSchema.nullable(),
  /** The bulk job an approval started. */
  jobId: z.string().nullable(),
});
export type TaskProposal = z.infer<typeof taskProposalSchema>;

/** When a proposal created at `createdAt` expires. */
export const proposalExpiry = (createdAt: Date): Date => new Date(createdAt.getTime() + PROPOSAL_TTL_DAYS * 24 * 60 * 60 * 1000);

/** Whether a proposal can still be approved or rejected at `now`. */
export const isProposalOpen = (proposal: Pick<TaskProposal, 'status' | 'expiresAt'>, now: Date): boolean =>
  proposal.status === 'pending' && now < proposal.expiresAt;

export const taskRunStatusSchema = z.enum(['running', 'succeeded', 'partially-failed', 'failed', 'skipped', 'proposed']);
export type TaskRunStatus = z.infer<typeof taskRunStatusSchema>;

/**
 * Why a run failed or was skipped, as a stable code: `safety-cap-exceeded` (T7), `sync-overlap` (a sync ran through
 * the run's hour), `task-disabled`, or a DomainError code (e.g. `API_KEY_MISSING`).
 */
export const taskRunReasonSchema = z.string().min(1).max(64);

/** One run of a task: what started it, its counts and outcome; per-user results live with its job. */
export const taskRunSchema = z.object({
  id: z.string().min(1),
  taskId: z.string().min(1),
  trigger: z.enum(['schedule', 'manual', 'caller']),
  /** The schedule's run time this run serves; null for a run started by hand or by a caller. */
  slotAt: z.date().nullable(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  status: taskRunStatusSchema,
  reason: taskRunReasonSchema.nullable(),
  counts: z.object({
    matched: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    announced: z.number().int().nonnegative(),
  }),
  jobId: z.string().nullable(),
});
export type TaskRun = z.infer<typeof taskRunSchema>;
