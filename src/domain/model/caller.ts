import { z } from 'zod';

/** What a caller (S10) may ask for: the four bulk actions, the status of a job it started, an automated task's run or dry run. */
export const callerActions = ['deactivate', 'reactivate', 'revoke-product', 'assign-product', 'job-status', 'task-run', 'task-dry-run'] as const;
export const callerActionSchema = z.enum(callerActions);
export type CallerAction = z.infer<typeof callerActionSchema>;

/** Most callers an installation keeps (revoked ones included: the audit log names them). */
export const MAX_CALLERS = 50;

/**
 * An automation that drives the app through its web trigger: an Automation rule, an identity provider's offboarding
 * flow, a script. Only the SHA-256 of its token is kept (`tokenHash`, 64 hex digits); the token is shown once.
 */
export const callerSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  actions: z.array(callerActionSchema).min(1).max(callerActions.length),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdBy: z.string().min(1),
  createdAt: z.date(),
  revokedAt: z.date().nullable(),
});
export type Caller = z.infer<typeof callerSchema>;
