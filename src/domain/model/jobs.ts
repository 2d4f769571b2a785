import { z } from 'zod';

export const jobKindSchema = z.enum(['sync', 'bulk-action', 'task-run', 'revert']);
export type JobKind = z.infer<typeof jobKindSchema>;

export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'partially-failed', 'cancelled']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** A long piece of work run in queue slices; progress is what the admin page polls. */
export const jobSchema = z.object({
  id: z.string().min(1),
  kind: jobKindSchema,
  status: jobStatusSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
  createdBy: z.string().nullable(),
  phase: z.string(),
  processed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  succeeded: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});
export type Job = z.infer<typeof jobSchema>;

export const syncDataTypeSchema = z.enum(['users', 'last-active', 'groups', 'group-memberships', 'project-users', 'customers']);
export type SyncDataType = z.infer<typeof syncDataTypeSchema>;

/** One sync of the directory; `generation` stamps every row it saw, so rows it did not see are users who left. */
export const syncRunSchema = z.object({
  id: z.string().min(1),
  generation: z.number().int().positive(),
  trigger: z.enum(['schedule', 'manual', 'task']),
  dataTypes: z.array(syncDataTypeSchema).min(1),
  groupIds: z.array(z.string()),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  status: jobStatusSchema,
  phase: z.string(),
  processed: z.number().int().nonnegative(),
  estimatedTotal: z.number().int().nonnegative().nullable(),
  apiCalls: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
});
export type SyncRun = z.infer<typeof syncRunSchema>;
