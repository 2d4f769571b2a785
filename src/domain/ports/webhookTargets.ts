import type { WebhookTarget } from '../model/webhooks';

/** Where the app's Automation webhooks go; what the Settings section shows and the notifier reads. */
export interface WebhookConfig {
  targets: WebhookTarget[];
  /** The admin page's address on the site (payload field `appUrl`), learnt when a target is saved; null before. */
  appUrl: string | null;
}

/**
 * The configured targets (KVS) and their secrets (Forge secrets). A secret goes in with `add` and never comes out
 * through this port: only the adapter that sends a delivery reads it.
 */
export interface WebhookTargetStore {
  load(): Promise<WebhookConfig>;
  /** Stores the target and its secret (the secret first, so a stored target always has one). */
  add(target: WebhookTarget, secret: string, appUrl: string | null): Promise<void>;
  /** Forgets the target and deletes its secret; removing an unknown target changes nothing. */
  remove(targetId: string): Promise<void>;
}

/** The outcome of one POST: the answer's status (and Retry-After), or no answer. */
export type SendResult = { kind: 'answered'; status: number; retryAfterSeconds: number | null } | { kind: 'no-answer'; error: 'NETWORK' | 'TIMEOUT' };

/** Sends one delivery's body to a target with the target's secret as `X-Automation-Webhook-Token`. */
export interface WebhookSender {
  /** Resolves with what came back; rejects only when the target's secret is gone (NOT_FOUND). */
  send(target: Pick<WebhookTarget, 'id' | 'url'>, body: string): Promise<SendResult>;
}
