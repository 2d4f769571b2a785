import type { AuditEntry } from '../../model/audit';
import type { WebhookDelivery } from '../../model/webhooks';
import { errorCodeOf, MAX_ATTEMPTS, retryDelaySeconds, verdictOf, type AttemptResult, type DeliveryError } from '../../policy/webhookRetry';
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

/** How an attempt ended, before it is recorded: the verdict, the HTTP status, the error code and the answer. */
interface Ended {
  verdict: 'delivered' | 'retry' | 'failed';
  httpStatus: number | null;
  error: DeliveryError | null;
  result: AttemptResult | null;
}

const endOf = (result: AttemptResult | null): Ended => {
  if (result === null) return { verdict: 'failed', httpStatus: null, error: 'TARGET_REMOVED', result };
  const verdict = verdictOf(result);
  const httpStatus = result.kind === 'answered' ? result.status : null;
  if (verdict === 'delivered') return { verdict, httpStatus, error: null, result };
  return { verdict: verdict === 'retry' ? 'retry' : 'failed', httpStatus, error: errorCodeOf(result), result };
};

/** An attempt that could not POST (a missing secret, a store or queue that failed) or whose sender died: retried. */
const notSent: Ended = { verdict: 'retry', httpStatus: null, error: 'NOT_SENT', result: null };

/**
 * Records attempt `attempt`'s end, only if the delivery is still `sending` it. Delivered is recorded before its audit
 * entry (a slice that dies in between leaves a delivered row that is never sent again); a failure is audited first.
 */
const settle = async (delivery: WebhookDelivery, attempt: number, end: Ended, deps: RunDeliveryDeps): Promise<DeliveryOutcome> => {
  const { httpStatus, error } = end;
  const at = deps.clock.now();
  const base = { httpStatus, error, nextAttemptAt: null, updatedAt: at };
  if (end.verdict === 'delivered') {
    await deps.deliveries.finish(delivery.id, attempt, { ...base, status: 'delivered' });
    await deps.audit.append([auditEntry(delivery, 'delivered', at, attempt, httpStatus, null)]);
    return { kind: 'delivered', attempts: attempt, httpStatus };
  }
  const delay = end.verdict === 'retry' && attempt < MAX_ATTEMPTS ? retryDelaySeconds(attempt, end.result, at.getTime() - delivery.createdAt.getTime()) : null;
  if (delay === null) {
    await deps.audit.append([auditEntry(delivery, 'failed', at, attempt, httpStatus, error)]);
    await deps.deliveries.finish(delivery.id, attempt, { ...base, status: 'failed' });
    return { kind: 'failed', attempts: attempt, httpStatus };
  }
  await deps.queue.push({ kind: 'webhook-delivery', deliveryId: delivery.id, attempt: attempt + 1 }, delay);
  await deps.deliveries.finish(delivery.id, attempt, { ...base, status: 'retrying', nextAttemptAt: new Date(at.getTime() + delay * 1000) });
  return { kind: 'retrying', attempts: attempt, delaySeconds: delay };
};

/**
 * One attempt of a delivery (docs/webhooks.md, "Delivery"), the handler of a `webhook-delivery` queue message. The
 * attempt is claimed first (a duplicate message finds it taken and does nothing); then the POST; then, by its
 * verdict: delivered; rejected (401/403/404, never retried) or failed; or retried — the next attempt is pushed with
 * its backoff before the record says so — until MAX_ATTEMPTS or the delivery's time runs out, when it fails. An
 * error before the POST counts as a failed attempt (`NOT_SENT`) and is retried the same way. A stale `sending`
 * attempt taken over (its sender died, maybe after its POST) is not sent again: it counts as a `NOT_SENT` attempt
 * and the next attempt follows, so a sender that keeps dying still ends after MAX_ATTEMPTS.
 */
export const runDelivery = async (deliveryId: string, attempt: number, deps: RunDeliveryDeps): Promise<DeliveryOutcome> => {
  const delivery = await deps.deliveries.get(deliveryId);
  if (delivery === null) return { kind: 'ignored', reason: 'unknown' };
  const takeover = delivery.status === 'sending' && delivery.attempts === attempt;
  const now = deps.clock.now();
  if (!(await deps.deliveries.claim(deliveryId, attempt, now, new Date(now.getTime() - SENDING_STALE_MS)))) {
    return { kind: 'ignored', reason: 'not-this-attempt' };
  }
  if (takeover) return settle(delivery, attempt, notSent, deps);
  let end: Ended;
  try {
    const target = (await deps.targets.load()).targets.find((t) => t.id === delivery.targetId) ?? null;
    end = endOf(target === null ? null : await deps.sender.send(target, delivery.body));
  } catch {
    end = notSent;
  }
  return settle(delivery, attempt, end, deps);
};
