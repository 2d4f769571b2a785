export type NotificationTrigger = 'api-key-expiring' | 'task-failed' | 'task-succeeded' | 'user-about-to-be-deactivated';

/** Sends outgoing Automation webhooks; the payload never carries the API key. */
export interface Notifier {
  notify(trigger: NotificationTrigger, payload: Record<string, string | number | boolean | null>): Promise<void>;
}
