import type { WebhookDelivery, WebhookEvent, WebhookTarget } from '../../model/webhooks';
import type { Notifier } from '../../ports/notifier';
import { stableHash } from '../bulk/stableId';
import type { WebhookDeps } from './deps';
import { buildPayloads } from './payloads';

export type QueueDeps = Pick<WebhookDeps, 'targets' | 'deliveries' | 'queue' | 'secrets' | 'clock'>;

/** The delivery of one part of one event to one target: the same event queued again gets the same ids. */
export const deliveryIdOf = (eventKey: string, targetId: string, part: number): string =>
  `wh-${stableHash(`${eventKey}|${targetId}|${String(part)}`)}`;

/**
 * Creates the deliveries of `event` to `targets` (one per target and part; the rows first, idempotent by id) and
 * pushes attempt 1 of each. A push that fails leaves a queued row that the hourly tick pushes again. Returns the
 * deliveries created.
 */
export const queueEvent = async (
  event: WebhookEvent,
  targets: readonly WebhookTarget[],
  test: boolean,
  deps: QueueDeps,
): Promise<WebhookDelivery[]> => {
  if (targets.length === 0) return [];
  const [config, info] = await Promise.all([deps.targets.load(), deps.secrets.info()]);
  const now = deps.clock.now();
  const organization = info === null ? null : { id: info.orgId, name: info.orgName };
  const deliveries = targets.flatMap((target) => {
    const idOf = (part: number): string => deliveryIdOf(event.key, target.id, part);
    const bodies = buildPayloads(event, { organization, appUrl: config.appUrl, occurredAt: now, test }, idOf);
    return bodies.map((body, index): WebhookDelivery => ({
      id: idOf(index + 1),
      trigger: event.trigger,
      targetId: target.id,
      targetUrl: target.url,
      body,
      part: index + 1,
      parts: bodies.length,
      test,
      status: 'queued',
      attempts: 0,
      httpStatus: null,
      error: null,
      createdAt: now,
      updatedAt: now,
      nextAttemptAt: now,
    }));
  });
  await deps.deliveries.create(deliveries);
  for (const delivery of deliveries) await deps.queue.push({ kind: 'webhook-delivery', deliveryId: delivery.id, attempt: 1 });
  return deliveries;
};

/** The Notifier the rest of the app calls: queues the event to every target of its trigger. */
export const webhookNotifier = (deps: QueueDeps): Notifier => ({
  notify: async (event) => {
    const { targets } = await deps.targets.load();
    const mine = targets.filter((t) => t.trigger === event.trigger);
    return (await queueEvent(event, mine, false, deps)).length;
  },
});
