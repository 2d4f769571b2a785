import type { NotificationTrigger, Notifier } from '../../../../src/domain/ports/notifier';

/** Records every notice sent; `failNext` sends fail. */
export class FakeNotifier implements Notifier {
  sent: { trigger: NotificationTrigger; payload: Record<string, string | number | boolean | null> }[] = [];
  failNext = 0;
  notify(trigger: NotificationTrigger, payload: Record<string, string | number | boolean | null>): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new Error('webhook failed'));
    }
    this.sent.push({ trigger, payload });
    return Promise.resolve();
  }
}
