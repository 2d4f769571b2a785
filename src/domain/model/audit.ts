import { z } from 'zod';

export const auditActionSchema = z.enum([
  'user.deactivate',
  'user.reactivate',
  'user.suspend',
  'user.restore',
  'product.revoke',
  'product.assign',
  'group.add-member',
  'group.remove-member',
  'settings.update',
  'api-key.set',
  'api-key.remove',
  'api-key.expiry-notice',
  'caller.create',
  'caller.revoke',
  'sync.run',
  'task.run',
  'task.update',
  'privacy.erase',
  'webhook.target-add',
  'webhook.target-remove',
  'webhook.delivery',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditOutcomeSchema = z.enum(['succeeded', 'failed', 'skipped']);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

export const auditActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('admin'), accountId: z.string().min(1) }),
  z.object({ kind: z.literal('task'), taskId: z.string().min(1) }),
  z.object({ kind: z.literal('system') }),
  /** An automation calling the web trigger with its token (S10). */
  z.object({ kind: z.literal('caller'), callerId: z.string().min(1) }),
]);
export type AuditActor = z.infer<typeof auditActorSchema>;

/**
 * One append-only audit record. `reason` is a stable code (e.g. `protected`, `RATE_LIMITED`) for
 * failed and skipped outcomes; `details` never holds the API key or a full payload.
 */
export const auditEntrySchema = z.object({
  id: z.string().min(1),
  at: z.date(),
  actor: auditActorSchema,
  action: auditActionSchema,
  targetAccountId: z.string().nullable(),
  outcome: auditOutcomeSchema,
  reason: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  jobId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
