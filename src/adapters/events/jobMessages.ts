import { z } from 'zod';
import { DomainError } from '../../domain/model/errors';
import type { JobMessage } from '../../domain/ports/jobQueue';

const id = z.string().min(1).max(200);
const slice = z.number().int().nonnegative().max(1_000_000);

/** JobMessage as a zod schema: validated before every push and when a consumer reads an event body. */
export const jobMessageSchema: z.ZodType<JobMessage> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sync'), runId: id, slice }),
  z.strictObject({ kind: z.literal('sync-activity'), runId: id, slice }),
  z.strictObject({ kind: z.literal('bulk-action'), jobId: id, slice }),
  z.strictObject({ kind: z.literal('revert'), jobId: id, slice }),
  z.strictObject({ kind: z.literal('task-run'), taskId: id, runId: id, slice }),
  z.strictObject({ kind: z.literal('webhook-delivery'), deliveryId: id, attempt: z.number().int().min(1).max(100) }),
]);

/**
 * The queue each kind goes to: sync slices (both streams of a run) on their own queue, bulk actions, task runs and
 * webhook deliveries on the jobs queue (reverts with them).
 */
export const QUEUE_KEYS = { sync: 'ulo-sync', jobs: 'ulo-jobs' } as const;
export type QueueKey = (typeof QUEUE_KEYS)[keyof typeof QUEUE_KEYS];

/** The queue key for a message. */
export const queueKeyOf = (message: JobMessage): QueueKey =>
  message.kind === 'sync' || message.kind === 'sync-activity' ? QUEUE_KEYS.sync : QUEUE_KEYS.jobs;

/**
 * Reads an event body (a consumer's `payload`, or `event.body`) as a JobMessage; VALIDATION_FAILED with the
 * issues otherwise (a consumer should drop such an event, not retry it).
 */
export const parseJobMessage = (body: unknown): JobMessage => {
  const parsed = jobMessageSchema.safeParse(body);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', 'The queue event is not a valid job message.', {
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  return parsed.data;
};
