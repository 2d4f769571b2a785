import type { WebhookDelivery, WebhookTrigger } from '../model/webhooks';

/** One page of the delivery log, newest first. */
export interface DeliveryPage {
  items: WebhookDelivery[];
  next: string | null;
}

/** Webhook deliveries and their attempts: the delivery log (SQL `webhook_deliveries`). */
export interface DeliveryRepository {
  /** Idempotent: a delivery whose id is stored keeps its record. */
  create(deliveries: readonly WebhookDelivery[]): Promise<void>;
  get(id: string): Promise<WebhookDelivery | null>;
  /**
   * Starts attempt `attempt` (1-based) at `now`, only when the delivery is unfinished with `attempt - 1` attempts
   * started, or is still `sending` attempt `attempt` since before `staleBefore` (its sender died). True when this
   * caller owns the attempt.
   */
  claim(id: string, attempt: number, now: Date, staleBefore: Date): Promise<boolean>;
  /**
   * Records how attempt `attempt` ended: status, HTTP status, error code, the time of the next attempt — only while
   * the delivery is still `sending` that attempt (a late sender never overwrites a newer attempt). True when it did.
   */
  finish(id: string, attempt: number, change: Pick<WebhookDelivery, 'status' | 'httpStatus' | 'error' | 'nextAttemptAt' | 'updatedAt'>): Promise<boolean>;
  /** Newest first; only deliveries of `trigger` when given. */
  list(limit: number, after: string | null, trigger?: WebhookTrigger): Promise<DeliveryPage>;
  /** Unfinished deliveries whose record has not moved since `before` (their queue message was lost). */
  stalled(before: Date, limit: number): Promise<WebhookDelivery[]>;
  /** Deletes finished deliveries last changed before `before`; returns how many. */
  purge(before: Date): Promise<number>;
}
