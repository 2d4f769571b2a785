import { z } from 'zod';
import { accountIdSchema, cursorSchema, isoInstantSchema, jobStatusSchema, pageLimit, pageSchema, productKeyInputSchema } from './common';
import { userFilterSchema } from './users';

const productTarget = { productKey: productKeyInputSchema, resourceId: z.string().min(1).max(512) };

/** B1: what to do to each selected user. */
export const bulkActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deactivate') }).strict(),
  z.object({ type: z.literal('reactivate') }).strict(),
  z.object({ type: z.literal('revoke-product'), ...productTarget }).strict(),
  z.object({ type: z.literal('assign-product'), ...productTarget }).strict(),
]);
export type BulkActionDto = z.infer<typeof bulkActionSchema>;

/** Most users an explicit selection may name. */
export const MAX_EXPLICIT_SELECTION = 500;
/** Most users "all matching the filter" may cover; a larger match → VALIDATION_FAILED (`bulk.selection-too-large`). */
export const MAX_FILTER_SELECTION = 10_000;

/** The rows the admin ticked, every user matching a users.list filter, or the users a job failed (Retry failed users). */
export const bulkSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accounts'), accountIds: z.array(accountIdSchema).min(1).max(MAX_EXPLICIT_SELECTION) }).strict(),
  z.object({ kind: z.literal('filter'), filter: userFilterSchema }).strict(),
  z.object({ kind: z.literal('failed-in-job'), jobId: z.string().min(1).max(64) }).strict(),
]);
export type BulkSelectionDto = z.infer<typeof bulkSelectionSchema>;

/** bulk.plan (B2): `itemsLimit` plan items come back (will-change first is not promised: selection order). */
export const bulkPlanPayloadSchema = z
  .object({ action: bulkActionSchema, selection: bulkSelectionSchema, itemsLimit: pageLimit(500, 100) })
  .strict();
export type BulkPlanPayload = z.input<typeof bulkPlanPayloadSchema>;

/** bulk.start: same input; the server plans again and never trusts a client's plan. LOCK_HELD while one runs. */
export const bulkStartPayloadSchema = z.object({ action: bulkActionSchema, selection: bulkSelectionSchema }).strict();
export type BulkStartPayload = z.input<typeof bulkStartPayloadSchema>;

export const actionMethods = [
  'lifecycle-disable',
  'directory-suspend',
  'lifecycle-enable',
  'directory-restore',
  'group-remove',
  'role-revoke',
  'role-assign',
  'group-add',
] as const;
export const skipReasons = [
  'protected',
  'not-a-person',
  'account-closed',
  'left-org',
  'already-deactivated',
  'already-active',
  'not-managed',
  'idp-managed',
  'no-product-access',
  'already-has-access',
  'idp-synced-group',
  'unknown-activity',
  'not-inactive-enough',
  'new-user',
] as const;

/** One planned user. `method` (will-change) → `bulk.methods.<method>`; `reason` (skip) → `bulk.reasons.<reason>`. */
export const planItemDtoSchema = z.object({
  accountId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  decision: z.enum(['will-change', 'skip']),
  method: z.enum(actionMethods).nullable(),
  reason: z.enum(skipReasons).nullable(),
  messageKey: z.string(),
  /** Group names: removed from (method `group-remove`), or synced from the IdP and granting the access (`idp-synced-group`). */
  groups: z.array(z.string()),
  /** The named directories those groups were synced into, each once. */
  groupDirectories: z.array(z.string()),
});
export type PlanItemDto = z.infer<typeof planItemDtoSchema>;

export const planSummarySchema = z.object({
  total: z.number(),
  willChange: z.number(),
  skipped: z.number(),
  byMethod: z.partialRecord(z.enum(actionMethods), z.number()),
  skippedByReason: z.partialRecord(z.enum(skipReasons), z.number()),
});

export const bulkPlanSchema = z.object({
  action: bulkActionSchema,
  summary: planSummarySchema,
  items: z.array(planItemDtoSchema),
  /** True when the plan has more items than came back. */
  moreItems: z.boolean(),
});
export type BulkPlanDto = z.infer<typeof bulkPlanSchema>;

/** bulk.handoff (B2): the plan's users the identity provider owns (account or granting group), keyset-paged for the CSV. */
export const bulkHandoffPayloadSchema = z
  .object({ action: bulkActionSchema, selection: bulkSelectionSchema, limit: pageLimit(1000, 500), after: cursorSchema })
  .strict();
export const handoffReasons = ['idp-managed', 'idp-synced-group'] as const;
/** One line for the identity-provider team; one per synced group when several grant the access. */
export const handoffRowSchema = z.object({
  accountId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  reason: z.enum(handoffReasons),
  group: z.string().nullable(),
  /** The directory the user is in, by name (null when it has none) and by id (null until a sync stored it). */
  directory: z.string().nullable(),
  directoryId: z.string().nullable(),
  /** The directory the group was synced into (null without a group, or until a groups sync stored it). */
  groupDirectory: z.string().nullable(),
  groupDirectoryId: z.string().nullable(),
});
export type HandoffRowDto = z.infer<typeof handoffRowSchema>;
export const bulkHandoffPageSchema = pageSchema(handoffRowSchema);

/** A bulk-action job's progress (B3); poll bulk.status while `status` is queued or running. */
export const bulkJobSchema = z.object({
  jobId: z.string(),
  action: bulkActionSchema,
  status: jobStatusSchema,
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
  createdBy: z.string().nullable(),
  total: z.number(),
  processed: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  skipped: z.number(),
  percent: z.number(),
  /** A revert's (B5): the job it undoes. */
  revertsJobId: z.string().nullable().optional(),
});
export type BulkJobDto = z.infer<typeof bulkJobSchema>;

/** bulk.status: a job by id (NOT_FOUND when unknown), or without `jobId` the bulk action running now (null when none). */
export const bulkStatusPayloadSchema = z.object({ jobId: z.string().min(1).max(64).optional() }).strict();
export const bulkStatusSchema = bulkJobSchema.nullable();

/** The page shape of per-user results (jobs.results): finished items, ordered by account ID. */
export const bulkResultsPayloadSchema = z
  .object({ jobId: z.string().min(1).max(64), limit: pageLimit(500, 100), after: cursorSchema })
  .strict();
export const bulkResultRowSchema = z.object({
  accountId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  outcome: z.enum(['succeeded', 'failed', 'skipped']),
  /** A skip reason or an error code (RATE_LIMITED, UPSTREAM_FAILED, ...); null on success. */
  reason: z.string().nullable(),
  /** `bulk.outcomes.succeeded`, `bulk.reasons.<reason>` or `errors.<code>`. */
  messageKey: z.string(),
});
export type BulkResultRowDto = z.infer<typeof bulkResultRowSchema>;
export const bulkResultsPageSchema = pageSchema(bulkResultRowSchema);
