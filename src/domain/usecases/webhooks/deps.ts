import type { AuditLog } from '../../ports/auditLog';
import type { Clock } from '../../ports/clock';
import type { DeliveryRepository } from '../../ports/deliveryRepository';
import type { IdGenerator } from '../../ports/idGenerator';
import type { JobQueue } from '../../ports/jobQueue';
import type { Lock } from '../../ports/lock';
import type { SecretStore } from '../../ports/secretStore';
import type { WebhookSender, WebhookTargetStore } from '../../ports/webhookTargets';

/** Every port the webhook use cases use: targets, the delivery log, the queue, the sender and the audit log. */
export interface WebhookDeps {
  targets: WebhookTargetStore;
  deliveries: DeliveryRepository;
  queue: JobQueue;
  sender: WebhookSender;
  audit: Pick<AuditLog, 'append'>;
  secrets: Pick<SecretStore, 'info'>;
  clock: Clock;
  ids: IdGenerator;
  /** Keeps changes of the target list one at a time. */
  lock: Lock;
}
