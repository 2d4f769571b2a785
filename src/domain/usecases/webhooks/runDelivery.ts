import type { AuditEntry } from '../../model/audit';
import type { WebhookDelivery } from '../../model/webhooks';
import { errorCodeOf, MAX_ATTEMPTS, retryDelaySeconds, verdictOf, type AttemptResult } from '../../policy/webhookRetry';
import type { WebhookDeps } from './deps';

/** A `sending` attempt older than this lost its sender (a function runs at most 15 minutes): it may be taken over. */
export const SENDING_STALE_MS = 16 * 60 * 1000;

/** What one attempt did: ignored (not this attempt's turn), delivered, failed for good, or retrying later. */
export type DeliveryOutcome =
  | { kind: 'ignored'; reason: 'unknown' | 'not-this-attempt' }
  | { kind: 'delivered' | 'failed'; attempts: number; httpStatus: number | null }
  | { kind: 'retrying'; attempts: number; delaySeconds: number };

export type RunDeliveryDeps = Pick<WebhookDeps, 'deliveries' | 'targets' | 'sender' | 'queue' | 'audit' | 'clock'>;

/** The delivery's `webhook.delivery` audit entry; one per delivery (its id is the delivery's), never the body or secret. */
const auditEntry = (delivery: WebhookDelivery, status: 'delivered' | 'failed', at: Date, attempts: number, httpStatus: number | null, error: string | null): AuditEntry => ({
  id: `${delivery.id}-audit`,
  at,
  actor: { kind: 'system' },
  action: 'webhook.delivery',
  targetAccountId: null,
  outcome: status === 'delivered' ? 'succeeded' : 'failed',
  reason: error,
  details: { trigger: delivery.trigger, target: delivery.targetUrl, attempts, httpStatus, part: delivery.part, parts: delivery.parts, test: delivery.test },
  jobId: null,
});

/**
 * One attempt of a delivery (docs/webhooks.md, "Delivery"), the handler of a `webhook-delivery` queue message. The
 * attempt is claimed first (a duplicate message finds it taken and does nothing); then the POST; then, by its
 * verdict: delivered; rejected (401/403/404, never retried) or failed; or retried — the next attempt is pushed with
 * its backoff before the record says so — until MAX_ATTEMPTS, when it fails. A finished delivery is audited before
 * its record says finished, so a slice that dies in between repeats only the (idempotent) audit entry.
 */
export const runDelivery = async (deliveryId: string, attempt: number, deps: RunDeliveryDeps): Promise<DeliveryOutcome> => {
  const delivery = await deps.deliveries.get(deliveryId);
  if (delivery === null) return { kind: 'ignored', reason: 'unknown' };
  const now = deps.clock.now();
  if (!(await deps.deliveries.claim(deliveryId, attempt, now, new Date(now.getTime() - SENDING_STALE_MS)))) {
    return { kind: 'ignored', reason: 'not-this-attempt' };
  }
  const target = (await deps.targets.load()).targets.find((t) => t.id === delivery.targetId) ?? null;
  const result: AttemptResult | null = target === null ? null : await deps.sender.send(target, delivery.body);
  const ended = deps.clock.now();
  const httpStatus = result?.kind === 'answered' ? result.status : null;
  const verdict = result === null ? 'failed' : verdictOf(result);
  if (verdict === 'delivered') {
    await deps.audit.append([auditEntry(delivery, 'delivered', ended, attempt, httpStatus, null)]);
    await deps.deliveries.finish(deliveryId, { status: 'delivered', httpStatus, error: null, nextAttemptAt: null, updatedAt: ended });
    return { kind: 'delivered', attempts: attempt, httpStatus };
  }
  const error = result === null ? 'TARGET_REMOVED' : errorCodeOf(result);
  const delay = verdict === 'retry' && result !== null && attempt < MAX_ATTEMPTS ? retryDelaySeconds(attempt, result) : null;
  if (delay === null) {
    await deps.audit.append([auditEntry(delivery, 'failed', ended, attempt, httpStatus, error)]);
    await deps.deliveries.finish(deliveryId, { status: 'failed', httpStatus, error, nextAttemptAt: null, updatedAt: ended });
    return { kind: 'failed', attempts: attempt, httpStatus };
  }
  await deps.queue.push({ kind: 'webhook-delivery', deliveryId, attempt: attempt + 1 }, delay);
  const nextAttemptAt = new Date(ended.getTime() + delay * 1000);
  await deps.deliveries.finish(deliveryId, { status: 'retrying', httpStatus, error, nextAttemptAt, updatedAt: ended });
  return { kind: 'retrying', attempts: attempt, delaySeconds: delay };
};
