import type { WebhookDelivery, WebhookTarget, WebhookTrigger } from '../../../../src/domain/model/webhooks';
import type { DeliveryPage, DeliveryRepository } from '../../../../src/domain/ports/deliveryRepository';
import type { SendResult, WebhookConfig, WebhookSender, WebhookTargetStore } from '../../../../src/domain/ports/webhookTargets';

/** Targets in memory; `secrets` holds what the KVS secrets would (the domain never reads it back). */
export class FakeWebhookTargets implements WebhookTargetStore {
  config: WebhookConfig = { targets: [], appUrl: null };
  secrets = new Map<string, string>();
  load(): Promise<WebhookConfig> {
    return Promise.resolve(structuredClone(this.config));
  }
  add(target: WebhookTarget, secret: string, appUrl: string | null): Promise<void> {
    this.secrets.set(target.id, secret);
    this.config = { targets: [...this.config.targets, structuredClone(target)], appUrl: appUrl ?? this.config.appUrl };
    return Promise.resolve();
  }
  remove(targetId: string): Promise<void> {
    this.config = { ...this.config, targets: this.config.targets.filter((t) => t.id !== targetId) };
    this.secrets.delete(targetId);
    return Promise.resolve();
  }
}

/** Like the SQL table: idempotent create, the conditional claim, newest-first pages (no cursor beyond the first). */
export class FakeDeliveries implements DeliveryRepository {
  rows = new Map<string, WebhookDelivery>();
  create(deliveries: readonly WebhookDelivery[]): Promise<void> {
    for (const d of deliveries) if (!this.rows.has(d.id)) this.rows.set(d.id, structuredClone(d));
    return Promise.resolve();
  }
  get(id: string): Promise<WebhookDelivery | null> {
    const row = this.rows.get(id);
    return Promise.resolve(row === undefined ? null : structuredClone(row));
  }
  claim(id: string, attempt: number, now: Date, staleBefore: Date): Promise<boolean> {
    const d = this.rows.get(id);
    const unfinished = d !== undefined && ['queued', 'sending', 'retrying'].includes(d.status);
    const fresh = unfinished && d.attempts === attempt - 1;
    const stale = d?.status === 'sending' && d.attempts === attempt && d.updatedAt < staleBefore;
    if (d === undefined || !(fresh || stale)) return Promise.resolve(false);
    this.rows.set(id, { ...d, attempts: attempt, status: 'sending', updatedAt: now });
    return Promise.resolve(true);
  }
  finish(id: string, attempt: number, change: Pick<WebhookDelivery, 'status' | 'httpStatus' | 'error' | 'nextAttemptAt' | 'updatedAt'>): Promise<boolean> {
    const d = this.rows.get(id);
    if (d?.status !== 'sending' || d.attempts !== attempt) return Promise.resolve(false);
    this.rows.set(id, { ...d, ...change });
    return Promise.resolve(true);
  }
  list(limit: number, _after: string | null, trigger?: WebhookTrigger): Promise<DeliveryPage> {
    const all = [...this.rows.values()].filter((d) => trigger === undefined || d.trigger === trigger).reverse();
    return Promise.resolve({ items: all.slice(0, limit), next: null });
  }
  stalled(before: Date, limit: number): Promise<WebhookDelivery[]> {
    const rows = [...this.rows.values()].filter((d) => ['queued', 'sending', 'retrying'].includes(d.status) && d.updatedAt < before);
    return Promise.resolve(rows.slice(0, limit));
  }
  purge(before: Date): Promise<number> {
    let n = 0;
    for (const [id, d] of this.rows) {
      if (['delivered', 'failed'].includes(d.status) && d.updatedAt < before) {
        this.rows.delete(id);
        n += 1;
      }
    }
    return Promise.resolve(n);
  }
}

/** Answers from `script` in order (then `fallback`); records every send with the secret it would carry. */
export class FakeSender implements WebhookSender {
  sent: { targetId: string; url: string; body: string; secret: string | undefined }[] = [];
  script: SendResult[] = [];
  fallback: SendResult = { kind: 'answered', status: 200, retryAfterSeconds: null };
  constructor(private readonly targets: FakeWebhookTargets) {}
  send(target: Pick<WebhookTarget, 'id' | 'url'>, body: string): Promise<SendResult> {
    this.sent.push({ targetId: target.id, url: target.url, body, secret: this.targets.secrets.get(target.id) });
    return Promise.resolve(this.script.shift() ?? this.fallback);
  }
}
