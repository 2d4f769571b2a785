import { z } from 'zod';
import { actionMethods, bulkActionSchema, bulkJobSchema, skipReasons } from './bulk';
import { isoInstantSchema, jobStatusSchema, pageLimit } from './common';

/** Resolver keys of a revert (B5): its plan, and its start (then followed like any job: jobs.list, jobs.results). */
export const revertResolverKeys = {
  revertPlan: 'revert.plan',
  revertStart: 'revert.start',
} as const;

/** Why a job cannot be reverted now (→ `revert.blocked.<block>`); mirrors the core. */
export const revertBlocks = ['not-finished', 'expired', 'nothing-to-revert', 'already-reverted', 'reverting'] as const;
/** Skip reasons only a revert gives (→ `revert.reasons.<reason>`); mirrors the core. The others are the bulk ones. */
export const revertSkipReasons = ['already-in-group', 'not-in-group', 'group-deleted', 'nothing-recorded', 'changed-since'] as const;

const jobIdSchema = z.string().min(1).max(64);

/**
 * B5 on a finished job: why it cannot be reverted now (null: it can), and its newest revert: that job, its status,
 * when and by whom (`byName` null when the directory does not know them).
 */
export const revertStateSchema = z.object({
  blocked: z.enum(revertBlocks).nullable(),
  revertedBy: z.object({ jobId: z.string(), status: jobStatusSchema, at: isoInstantSchema, byName: z.string().nullable() }).nullable(),
});
export type RevertStateDto = z.infer<typeof revertStateSchema>;

/** revert.plan: the plan of undoing a finished job, its first `itemsLimit` users read live. Changes nothing. */
export const revertPlanPayloadSchema = z.object({ jobId: jobIdSchema, itemsLimit: pageLimit(200, 50) }).strict();
export type RevertPlanPayload = z.input<typeof revertPlanPayloadSchema>;

/** One user of the plan: restored (`method` → `revert.methods.<method>`) or skipped (`messageKey` says why). */
export const revertPlanItemSchema = z.object({
  accountId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  decision: z.enum(['will-change', 'skip']),
  method: z.enum(actionMethods).nullable(),
  reason: z.enum([...skipReasons, ...revertSkipReasons]).nullable(),
  messageKey: z.string(),
  /** The groups the user is put back in (or the group that stops it), by name. */
  groups: z.array(z.string()),
});
export type RevertPlanItemDto = z.infer<typeof revertPlanItemSchema>;

export const revertPlanSchema = z.object({
  jobId: z.string(),
  /** What the revert does: the opposite of the job's action. */
  action: bulkActionSchema,
  blocked: z.enum(revertBlocks).nullable(),
  /** The users the job changed. */
  total: z.number(),
  /** Counts over the users read live for this plan (`checked`, the first `itemsLimit`). */
  summary: z.object({
    checked: z.number(),
    willChange: z.number(),
    skipped: z.number(),
    byMethod: z.partialRecord(z.enum(actionMethods), z.number()),
    skippedByReason: z.partialRecord(z.enum([...skipReasons, ...revertSkipReasons]), z.number()),
  }),
  items: z.array(revertPlanItemSchema),
  moreItems: z.boolean(),
});
export type RevertPlanDto = z.infer<typeof revertPlanSchema>;

/** revert.start: starts the revert as a job (LOCK_HELD while another revert runs; VALIDATION_FAILED when blocked). */
export const revertStartPayloadSchema = z.object({ jobId: jobIdSchema }).strict();

export const revertContract = {
  [revertResolverKeys.revertPlan]: { payload: revertPlanPayloadSchema, data: revertPlanSchema },
  [revertResolverKeys.revertStart]: { payload: revertStartPayloadSchema, data: bulkJobSchema },
};
