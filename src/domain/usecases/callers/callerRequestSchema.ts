import { z } from 'zod';
import { productKeySchema } from '../../model/product';
import { TASK_LIMITS } from '../../model/task';

/** Most users one request may name (S10). */
export const MAX_USERS_PER_REQUEST = 100;

/** An account ID, or an email (anything with an `@`). */
const userRef = z.string().trim().min(1).max(320);
const users = z.array(userRef).min(1).max(MAX_USERS_PER_REQUEST);
/** An automated task: its ID, or its name (ignoring case) when no other task has it. */
const task = z.string().trim().min(1).max(TASK_LIMITS.maxNameLength);
const product = { productKey: productKeySchema, resourceId: z.string().trim().min(1).max(512).optional() };

/**
 * The JSON body a caller sends to the web trigger. `resourceId` (the site's workspace) may be left out when the org
 * has the product on one site only.
 */
export const callerRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('deactivate'), users }).strict(),
  z.object({ action: z.literal('reactivate'), users }).strict(),
  z.object({ action: z.literal('revoke-product'), users, ...product }).strict(),
  z.object({ action: z.literal('assign-product'), users, ...product }).strict(),
  z.object({ action: z.literal('job-status'), jobId: z.string().trim().min(1).max(64) }).strict(),
  z.object({ action: z.literal('task-run'), task }).strict(),
  z.object({ action: z.literal('task-dry-run'), task }).strict(),
]);
export type CallerRequest = z.infer<typeof callerRequestSchema>;
