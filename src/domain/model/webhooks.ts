import { z } from 'zod';

/** The Automation webhook triggers (FEATURES S7), each with up to MAX_TARGETS_PER_TRIGGER targets. */
export const webhookTriggers = ['api-key-expiring', 'task-succeeded', 'task-failed', 'users-to-be-changed', 'sync-failed'] as const;
export const webhookTriggerSchema = z.enum(webhookTriggers);
export type WebhookTrigger = z.infer<typeof webhookTriggerSchema>;

export const MAX_TARGETS_PER_TRIGGER = 3;
/** The payload's version; a change that removes or renames a field is a new version (docs/webhooks.md). */
export const PAYLOAD_SCHEMA_VERSION = 1;

/** One Automation incoming-webhook URL for one trigger. Its secret lives apart (a Forge secret); only its last 4 characters are kept here. */
export const webhookTargetSchema = z.object({
  id: z.string().min(1).max(64),
  trigger: webhookTriggerSchema,
  url: z.string().min(1).max(500),
  secretLastFour: z.string().max(4),
  createdAt: z.date(),
});
export type WebhookTarget = z.infer<typeof webhookTargetSchema>;

export const deliveryStatusSchema = z.enum(['queued', 'sending', 'retrying', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/**
 * One POST of one payload (or one part of it) to one target, run as a job on the queue (docs/webhooks.md).
 * `attempts` counts attempts started; `error` is a stable code for the last failed attempt.
 */
export interface WebhookDelivery {
  id: string;
  trigger: WebhookTrigger;
  targetId: string;
  /** The target's URL when the delivery was made (the log still names a target removed since). */
  targetUrl: string;
  /** The JSON body, fixed when the delivery is created. */
  body: string;
  part: number;
  parts: number;
  test: boolean;
  status: DeliveryStatus;
  attempts: number;
  httpStatus: number | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  nextAttemptAt: Date | null;
}

/** A user a task announces (`users-to-be-changed`). */
export interface NoticeUser {
  accountId: string;
  name: string;
  email: string | null;
  lastActiveAt: Date | null;
}

/** A task as its notices and outcomes name it. */
export interface TaskRef {
  id: string;
  name: string;
  action: string;
}

/** Something that happened, for which the admin's Automation rules may be waiting. `key` identifies it: sending the same event twice sends nothing new. */
export type WebhookEvent =
  | { trigger: 'api-key-expiring'; key: string; apiKey: { name: string | null; expiresAt: Date; daysLeft: number; expirySource: 'api' | 'admin' | null } }
  | {
      trigger: 'task-succeeded' | 'task-failed';
      key: string;
      task: TaskRef;
      run: { id: string; succeeded: number; failed: number; skipped: number; failureCode: string | null };
    }
  | { trigger: 'users-to-be-changed'; key: string; task: TaskRef; actionDate: Date; users: readonly NoticeUser[] }
  | { trigger: 'sync-failed'; key: string; run: { id: string; trigger: string; startedAt: Date; failureCode: string } };
