import type { WebhookEvent } from '../model/webhooks';

/**
 * Announces an event to the admin's Automation rules (FEATURES S7): queues one delivery per target of the event's
 * trigger (and per part of a long user list), never sends inline. Resolves with the number of deliveries queued:
 * 0 when no target is configured for the trigger. Queuing the same event (same `key`) again queues nothing new.
 * The caller's own outcome never depends on it: it catches a rejection.
 */
export interface Notifier {
  notify(event: WebhookEvent): Promise<number>;
}
