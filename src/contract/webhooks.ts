import { z } from 'zod';
import { cursorSchema, emptyPayloadSchema, isoInstantSchema } from './common';

/** The Automation webhook triggers (S7), in the order Settings lists them. */
export const webhookTriggers = ['api-key-expiring', 'task-succeeded', 'task-failed', 'users-to-be-changed', 'sync-failed'] as const;
export const webhookTriggerSchema = z.enum(webhookTriggers);
export type WebhookTriggerDto = (typeof webhookTriggers)[number];
export const deliveryStatuses = ['queued', 'sending', 'retrying', 'delivered', 'failed'] as const;

/** A target as Settings shows it: the URL and the secret's last 4 characters, never the secret. */
export const webhookTargetSchema = z.object({
  id: z.string(),
  trigger: webhookTriggerSchema,
  url: z.string(),
  secretLastFour: z.string(),
  createdAt: isoInstantSchema,
});
export type WebhookTargetDto = z.infer<typeof webhookTargetSchema>;

/** webhooks.get and the answer of every change: the targets of every trigger. */
export const webhooksViewSchema = z.object({
  targets: z.array(webhookTargetSchema),
  maxTargetsPerTrigger: z.number().int(),
});
export type WebhooksViewDto = z.infer<typeof webhooksViewSchema>;
export const webhooksGetPayloadSchema = emptyPayloadSchema;

/**
 * webhooks.addTarget: the rule's URL and secret (checked on the server: only Automation incoming-webhook URLs; the
 * refusal's reason is the issue's `messageKey`, `webhooks.reasons.*`). `siteUrl` is the page's site, for the
 * payloads' link back to the app.
 */
export const webhooksAddPayloadSchema = z
  .object({
    trigger: webhookTriggerSchema,
    url: z.string().max(2048),
    secret: z.string().max(4096),
    siteUrl: z.string().max(512).optional(),
  })
  .strict();
export const webhooksRemovePayloadSchema = z.object({ targetId: z.string().min(1).max(64) }).strict();
/** webhooks.test: queues the trigger's example payload to one target. */
export const webhooksTestPayloadSchema = webhooksRemovePayloadSchema;

/** One delivery of the log: when, which trigger and target, how it went. Never the payload or the secret. */
export const webhookDeliverySchema = z.object({
  id: z.string(),
  trigger: webhookTriggerSchema,
  targetUrl: z.string(),
  part: z.number().int(),
  parts: z.number().int(),
  test: z.boolean(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  httpStatus: z.number().int().nullable(),
  /** A stable code (TARGET_REJECTED, RATE_LIMITED, SERVER_ERROR, REQUEST_REFUSED, NETWORK, TIMEOUT, TARGET_REMOVED). */
  error: z.string().nullable(),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
  nextAttemptAt: isoInstantSchema.nullable(),
});
export type WebhookDeliveryDto = z.infer<typeof webhookDeliverySchema>;

/** webhooks.deliveries: the delivery log, newest first. */
export const webhooksDeliveriesPayloadSchema = z
  .object({ limit: z.number().int().min(1).max(100).default(20), after: cursorSchema, trigger: webhookTriggerSchema.optional() })
  .strict();
export const webhookDeliveryPageSchema = z.object({ items: z.array(webhookDeliverySchema), next: z.string().nullable() });
export type WebhookDeliveryPageDto = z.infer<typeof webhookDeliveryPageSchema>;
