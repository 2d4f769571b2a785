import { z } from 'zod';
import { emptyPayloadSchema, groupIdSchema, isoInstantSchema, jobStatusSchema } from './common';

export const syncDataTypes = ['users', 'last-active', 'groups', 'group-memberships', 'project-users', 'customers'] as const;
export type SyncDataTypeDto = (typeof syncDataTypes)[number];

/**
 * sync.start (S5): All users = `users`, User last-active dates = `last-active`, All groups = `groups`, Group
 * memberships = `group-memberships` with `groupIds` (ignored when `groups` is on). LOCK_HELD while a sync runs.
 */
export const syncStartPayloadSchema = z
  .object({
    dataTypes: z.array(z.enum(syncDataTypes)).min(1).max(syncDataTypes.length),
    groupIds: z.array(groupIdSchema).max(200).default([]),
  })
  .strict();
export type SyncStartPayload = z.input<typeof syncStartPayloadSchema>;

/** sync.status: the latest run (null before the first sync). Poll it while `status` is `running`. */
export const syncStatusPayloadSchema = emptyPayloadSchema;
/** sync.history: newest first. */
export const syncHistoryPayloadSchema = z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict();

export const syncRunDtoSchema = z.object({
  runId: z.string(),
  trigger: z.enum(['schedule', 'manual', 'task']),
  dataTypes: z.array(z.enum(syncDataTypes)),
  groupIds: z.array(z.string()),
  status: jobStatusSchema,
  /** Current step (`workspaces`, `groups`, `users`, ...): `sync.phases.<phase>` in i18next. */
  phase: z.string(),
  startedAt: isoInstantSchema,
  finishedAt: isoInstantSchema.nullable(),
  durationMs: z.number(),
  /** Users read (users walk and memberships walk) against what the synced copy held of them when the run started. */
  processed: z.number(),
  estimatedTotal: z.number().nullable(),
  /**
   * While running, the steps at work: the main one first, then the lane beside it (the fallback beside the users
   * walk, project users or customers beside the fallback); `total` null without an estimate. Empty after the end.
   */
  steps: z.array(z.object({ phase: z.string(), processed: z.number(), total: z.number().nullable() })),
  /** The main step's progress for the bar; null while its size is unknown (first sync); 100 after the end. */
  percent: z.number().nullable(),
  apiCalls: z.number(),
  errors: z.number(),
  /** Error code a failed run stopped on; `errors.<code>` in i18next. */
  failureReason: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
});
export type SyncRunDto = z.infer<typeof syncRunDtoSchema>;
export const syncStatusSchema = syncRunDtoSchema.nullable();
export const syncHistorySchema = z.object({ items: z.array(syncRunDtoSchema) });
