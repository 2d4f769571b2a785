import { z } from 'zod';
import { bulkActionSchema } from '../policy/actionEligibility';
import { auditActorSchema } from './audit';

/**
 * What a job does and on whose behalf, fixed when the job is created and kept (as JSON) in its `jobs` row, so a
 * slice on any instance knows what to do. One variant per job kind that runs from the `jobs` table.
 */
export const jobSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bulk-action'), action: bulkActionSchema, actor: auditActorSchema }).strict(),
  /**
   * One part of an automated task's run (T3): the bulk action it makes (a revoke of several products is one part per
   * product, run one after another), re-checked per user against the task's rule on live data.
   */
  z
    .object({
      kind: z.literal('task-run'),
      taskId: z.string().min(1),
      runId: z.string().min(1),
      part: z.number().int().nonnegative(),
      parts: z.number().int().positive(),
      action: bulkActionSchema,
      actor: auditActorSchema,
    })
    .strict(),
  /**
   * A revert (B5) of the finished job `revertsJobId`: undoes each change that job made, as the bulk action `action`
   * (the opposite of the reverted job's), re-checked per user on live data.
   */
  z.object({ kind: z.literal('revert'), revertsJobId: z.string().min(1), action: bulkActionSchema, actor: auditActorSchema }).strict(),
]);
export type JobSpec = z.infer<typeof jobSpecSchema>;
export type BulkJobSpec = Extract<JobSpec, { kind: 'bulk-action' }>;
export type TaskJobSpec = Extract<JobSpec, { kind: 'task-run' }>;
export type RevertJobSpec = Extract<JobSpec, { kind: 'revert' }>;
