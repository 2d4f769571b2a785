import type { WebhookEvent } from '../../../../src/domain/model/webhooks';
import type { Notifier } from '../../../../src/domain/ports/notifier';

/** Records every event announced; `failNext` announcements fail; `targets` is what each announcement queues. */
export class FakeNotifier implements Notifier {
  sent: WebhookEvent[] = [];
  failNext = 0;
  targets = 1;
  notify(event: WebhookEvent): Promise<number> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new Error('webhook failed'));
    }
    this.sent.push(event);
    return Promise.resolve(this.targets);
  }
}
