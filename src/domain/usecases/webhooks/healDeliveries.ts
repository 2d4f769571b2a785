import type { WebhookDeps } from './deps';
import { SENDING_STALE_MS } from './runDelivery';

/** An unfinished delivery whose record has not moved for this long lost its queue message (the longest wait is 15 minutes). */
export const DELIVERY_STALL_MS = 40 * 60 * 1000;
/** Finished deliveries stay in the log this long. */
export const DELIVERY_LOG_DAYS = 30;
const HEAL_BATCH = 100;

export type HealDeliveriesDeps = Pick<WebhookDeps, 'deliveries' | 'queue' | 'clock'>;

/**
 * Run by the hourly tick: pushes again the message of each delivery that stalled (a lost push or a sender that
 * died: a `sending` attempt is taken over once older than SENDING_STALE_MS, a queued or retrying one gets its next
 * attempt), then purges finished deliveries older than DELIVERY_LOG_DAYS. A duplicate message is harmless: an
 * attempt is claimed before it is sent. Returns how many it pushed again.
 */
export const healDeliveries = async (deps: HealDeliveriesDeps): Promise<number> => {
  const now = deps.clock.now().getTime();
  const stalled = await deps.deliveries.stalled(new Date(now - Math.max(DELIVERY_STALL_MS, SENDING_STALE_MS)), HEAL_BATCH);
  for (const d of stalled) {
    await deps.queue.push({ kind: 'webhook-delivery', deliveryId: d.id, attempt: d.status === 'sending' ? d.attempts : d.attempts + 1 });
  }
  await deps.deliveries.purge(new Date(now - DELIVERY_LOG_DAYS * 24 * 60 * 60 * 1000));
  return stalled.length;
};
