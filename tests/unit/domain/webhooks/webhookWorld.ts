import type { WebhookDeps } from '../../../../src/domain/usecases/webhooks/deps';
import { runDelivery, type DeliveryOutcome } from '../../../../src/domain/usecases/webhooks/runDelivery';
import { FakeLock } from '../fakes/lock';
import { FakeAuditLog, FakeClock, FakeDeliveries, FakeQueue, FakeSecretStore, FakeSender, FakeWebhookTargets, SequentialIds } from '../fakes';

export const URL_A = 'https://api-private.atlassian.com/automation/webhooks/jira/a/57f62d85-1b6e-4a44-af5e-0927141b6746/019e4453-d451-7d8f-9462-0dfdd31b50c4';
export const URL_B = 'https://api-private.atlassian.com/automation/webhooks/jira/a/57f62d85-1b6e-4a44-af5e-0927141b6746/019e4453-d451-7d8f-9462-0dfdd31b50c5';
export const SECRET = 'f3a9c2e1d4b5a6978877665544332211ffeeddcc';

/** The webhook use cases on in-memory ports, and a loop that delivers the queue's messages as the consumer would. */
export const webhookWorld = () => {
  const clock = new FakeClock(new Date('2025-06-15T10:00:00Z'));
  const targets = new FakeWebhookTargets();
  const secrets = new FakeSecretStore();
  const deps: WebhookDeps & { queue: FakeQueue; deliveries: FakeDeliveries; sender: FakeSender; audit: FakeAuditLog; lock: FakeLock } = {
    targets,
    deliveries: new FakeDeliveries(),
    queue: new FakeQueue(clock),
    sender: new FakeSender(targets),
    audit: new FakeAuditLog(),
    secrets,
    clock,
    ids: new SequentialIds('t'),
    lock: new FakeLock(clock),
  };
  /** Delivers queued messages, moving the clock to each one's time, until none is left. */
  const drain = async (): Promise<DeliveryOutcome[]> => {
    const outcomes: DeliveryOutcome[] = [];
    for (let next = deps.queue.takeNext(); next !== undefined; next = deps.queue.takeNext()) {
      if (next.availableAt > clock.now().getTime()) clock.set(new Date(next.availableAt));
      if (next.message.kind !== 'webhook-delivery') throw new Error('unexpected message');
      outcomes.push(await runDelivery(next.message.deliveryId, next.message.attempt, deps));
    }
    return outcomes;
  };
  return { clock, targets, deps, drain };
};
