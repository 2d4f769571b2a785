import { z } from 'zod';
import { bulkJobSchema, bulkResultsPayloadSchema } from './bulk';
import { pageLimit } from './common';
import { revertStateSchema } from './revert';
import { syncRunDtoSchema } from './sync';

export const jobOutcomes = ['succeeded', 'failed', 'skipped'] as const;

/** jobs.list (B3): running and recent jobs of every kind, newest first. */
export const jobsListPayloadSchema = z.object({ limit: pageLimit(100, 50) }).strict();

export const jobListItemSchema = z.discriminatedUnion('kind', [
  /** `createdByName`: the admin who started it, null when the directory does not know them. */
  bulkJobSchema.extend({
    kind: z.literal('bulk-action'),
    createdByName: z.string().nullable(),
    /** Set when a caller of the web trigger started it (S10); `name` null when the caller is gone. */
    startedByCaller: z.object({ id: z.string(), name: z.string().nullable() }).nullable().optional(),
    /** Set when it is a part of an automated task's run (T3); `name` null when the task is gone. */
    startedByTask: z.object({ id: z.string(), name: z.string().nullable() }).nullable().optional(),
    /** B5: whether it can be reverted, and its newest revert. */
    revert: revertStateSchema.optional(),
  }),
  /** `createdByName`: for a manual sync, the admin who started it; null for the schedule or an unknown admin. */
  syncRunDtoSchema.extend({ kind: z.literal('sync'), createdByName: z.string().nullable() }),
]);
export type JobListItemDto = z.infer<typeof jobListItemSchema>;
export const jobsListSchema = z.object({ items: z.array(jobListItemSchema) });

/** jobs.results: a job's per-user results, ordered by account ID, only those of `outcome` when given. */
export const jobsResultsPayloadSchema = bulkResultsPayloadSchema.extend({ outcome: z.enum(jobOutcomes).optional() }).strict();
export type JobsResultsPayload = z.input<typeof jobsResultsPayloadSchema>;
