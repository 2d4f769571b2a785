import type { WebhookEvent } from '../../../../src/domain/model/webhooks';
import { DomainError } from '../../../../src/domain/model/errors';
import { MAX_ATTEMPTS, MAX_SPAN_SECONDS, RETRY_DELAYS_SECONDS } from '../../../../src/domain/policy/webhookRetry';
import { healDeliveries } from '../../../../src/domain/usecases/webhooks/healDeliveries';
import { addTarget, sendTest } from '../../../../src/domain/usecases/webhooks/manageTargets';
import { webhookNotifier } from '../../../../src/domain/usecases/webhooks/queueDeliveries';
import { runDelivery } from '../../../../src/domain/usecases/webhooks/runDelivery';
import { SECRET, URL_A, URL_B, webhookWorld } from './webhookWorld';

const admin = { kind: 'admin' as const, accountId: 'admin-1' };
const failedSync: WebhookEvent = {
  trigger: 'sync-failed',
  key: 'sync-failed:run-1',
  run: { id: 'run-1', trigger: 'schedule', startedAt: new Date('2025-06-15T03:00:00Z'), failureCode: 'API_KEY_EXPIRED' },
};

const setUp = async (urls: string[] = [URL_A]) => {
  const world = webhookWorld();
  for (const url of urls) await addTarget({ trigger: 'sync-failed', url, secret: SECRET, appUrl: null }, admin, world.deps);
  return world;
};

describe('webhook delivery as a job (S7)', () => {
  it('queues one delivery per target and sends it once with the secret as the only place it appears', async () => {
    const { deps, drain } = await setUp([URL_A, URL_B]);
    const notifier = webhookNotifier(deps);
    expect(await notifier.notify(failedSync)).toBe(2);
    expect(await notifier.notify({ ...failedSync, run: { ...failedSync.run, failureCode: 'API_KEY_EXPIRED' } })).toBe(2);
    expect(await notifier.notify({ ...failedSync, trigger: 'sync-failed' })).toBe(2);
    const outcomes = await drain();
    expect(outcomes.filter((o) => o.kind === 'delivered')).toHaveLength(2);
    expect(deps.sender.sent.map((s) => s.url).sort()).toEqual([URL_A, URL_B]);
    expect(deps.sender.sent.every((s) => s.secret === SECRET)).toBe(true);
    for (const s of deps.sender.sent) expect(s.body).not.toContain(SECRET.slice(0, 12));
    expect(JSON.stringify(deps.audit.list)).not.toContain(SECRET.slice(0, 12));
    expect(JSON.stringify([...deps.deliveries.rows.values()])).not.toContain(SECRET.slice(0, 12));
    const audited = deps.audit.list.filter((e) => e.action === 'webhook.delivery');
    expect(audited).toHaveLength(2);
    expect(audited[0]).toMatchObject({ outcome: 'succeeded', details: { trigger: 'sync-failed', attempts: 1, httpStatus: 200 } });
  });

  it('retries 429, 5xx and no answer with growing waits, honours a longer Retry-After, then delivers', async () => {
    const { deps, drain, clock } = await setUp();
    deps.sender.script = [
      { kind: 'answered', status: 503, retryAfterSeconds: null },
      { kind: 'answered', status: 429, retryAfterSeconds: 200 },
      { kind: 'no-answer', error: 'TIMEOUT' },
    ];
    const start = clock.now().getTime();
    await webhookNotifier(deps).notify(failedSync);
    const outcomes = await drain();
    expect(outcomes.map((o) => o.kind)).toEqual(['retrying', 'retrying', 'retrying', 'delivered']);
    expect(deps.queue.pushed.map((p) => p.delaySeconds)).toEqual([0, 30, 200, 120]);
    expect(clock.now().getTime() - start).toBe(350_000);
    const [row] = deps.deliveries.rows.values();
    expect(row).toMatchObject({ status: 'delivered', attempts: 4, httpStatus: 200, error: null });
  });

  it('gives up after the last attempt, about an hour after the first, and audits the failure once', async () => {
    const { deps, drain, clock } = await setUp();
    deps.sender.fallback = { kind: 'answered', status: 500, retryAfterSeconds: null };
    const start = clock.now().getTime();
    await webhookNotifier(deps).notify(failedSync);
    const outcomes = await drain();
    expect(outcomes).toHaveLength(MAX_ATTEMPTS);
    expect(outcomes.at(-1)).toEqual({ kind: 'failed', attempts: MAX_ATTEMPTS, httpStatus: 500 });
    const elapsed = (clock.now().getTime() - start) / 1000;
    expect(elapsed).toBe(RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0));
    expect(elapsed).toBeGreaterThan(55 * 60);
    expect(elapsed).toBeLessThan(70 * 60);
    expect([...deps.deliveries.rows.values()][0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, error: 'SERVER_ERROR', nextAttemptAt: null });
    const audited = deps.audit.list.filter((e) => e.action === 'webhook.delivery');
    expect(audited.map((e) => [e.outcome, e.reason, e.details.attempts, e.details.httpStatus])).toEqual([['failed', 'SERVER_ERROR', MAX_ATTEMPTS, 500]]);
  });

  it.each([401, 403, 404])('does not retry %i: the URL or secret is wrong, or the rule is off', async (status) => {
    const { deps, drain } = await setUp();
    deps.sender.fallback = { kind: 'answered', status, retryAfterSeconds: null };
    await webhookNotifier(deps).notify(failedSync);
    expect(await drain()).toEqual([{ kind: 'failed', attempts: 1, httpStatus: status }]);
    expect([...deps.deliveries.rows.values()][0]).toMatchObject({ status: 'failed', error: 'TARGET_REJECTED' });
  });

  it.each([400, 410, 413])('fails at once on %i: sending the same request again cannot help', async (status) => {
    const { deps, drain } = await setUp();
    deps.sender.fallback = { kind: 'answered', status, retryAfterSeconds: null };
    await webhookNotifier(deps).notify(failedSync);
    expect(await drain()).toEqual([{ kind: 'failed', attempts: 1, httpStatus: status }]);
    expect([...deps.deliveries.rows.values()][0]).toMatchObject({ status: 'failed', error: 'REQUEST_REFUSED' });
  });

  it('sends nothing twice: a duplicate message, a re-queued event and a delivered one are ignored', async () => {
    const { deps, drain } = await setUp();
    await webhookNotifier(deps).notify(failedSync);
    const [first] = deps.queue.pending;
    if (first?.message.kind !== 'webhook-delivery') throw new Error('no delivery queued');
    await deps.queue.push(first.message);
    await webhookNotifier(deps).notify(failedSync);
    const outcomes = await drain();
    expect(outcomes.map((o) => o.kind)).toEqual(['delivered', 'ignored', 'ignored']);
    expect(deps.sender.sent).toHaveLength(1);
    expect(await runDelivery('no-such-delivery', 1, deps)).toEqual({ kind: 'ignored', reason: 'unknown' });
  });

  it('fails a delivery whose target was removed meanwhile, without sending', async () => {
    const { deps, drain } = await setUp();
    await webhookNotifier(deps).notify(failedSync);
    await deps.targets.remove((await deps.targets.load()).targets[0]?.id ?? '');
    expect(await drain()).toEqual([{ kind: 'failed', attempts: 1, httpStatus: null }]);
    expect(deps.sender.sent).toEqual([]);
  });

  it('queues nothing for a trigger without targets', async () => {
    const { deps } = await setUp();
    expect(await webhookNotifier(deps).notify({ ...failedSync, trigger: 'sync-failed', key: 'k' })).toBe(1);
    expect(await webhookNotifier(deps).notify({ trigger: 'task-failed', key: 'k2', task: { id: 't', name: 'T', action: 'deactivate' }, run: { id: 'r', succeeded: 0, failed: 1, skipped: 0, failureCode: 'X' } })).toBe(0);
  });

  it('heals a delivery whose message was lost, and a sender that died mid-attempt', async () => {
    const { deps, drain, clock } = await setUp();
    await webhookNotifier(deps).notify(failedSync);
    deps.queue.pending.length = 0;
    clock.advance(41 * 60 * 1000);
    expect(await healDeliveries(deps)).toBe(1);
    expect(await drain()).toEqual([{ kind: 'delivered', attempts: 1, httpStatus: 200 }]);
    await webhookNotifier(deps).notify({ ...failedSync, key: 'another' });
    const [queued] = deps.queue.pending.splice(0);
    if (queued?.message.kind !== 'webhook-delivery') throw new Error('no delivery queued');
    expect(await deps.deliveries.claim(queued.message.deliveryId, 1, clock.now(), new Date(0))).toBe(true);
    clock.advance(41 * 60 * 1000);
    expect(await healDeliveries(deps)).toBe(1);
    expect(await drain()).toEqual([
      { kind: 'retrying', attempts: 1, delaySeconds: 30 },
      { kind: 'delivered', attempts: 2, httpStatus: 200 },
    ]);
    clock.advance(31 * 24 * 60 * 60 * 1000);
    await healDeliveries(deps);
    expect(deps.deliveries.rows.size).toBe(0);
  });

  it('gives up within 65 minutes of the delivery even when every answer asks for a 15-minute Retry-After', async () => {
    const { deps, drain, clock } = await setUp();
    deps.sender.fallback = { kind: 'answered', status: 429, retryAfterSeconds: 900 };
    const start = clock.now().getTime();
    await webhookNotifier(deps).notify(failedSync);
    const outcomes = await drain();
    expect(outcomes.at(-1)).toMatchObject({ kind: 'failed', httpStatus: 429 });
    expect(clock.now().getTime() - start).toBeLessThanOrEqual(MAX_SPAN_SECONDS * 1000);
    expect(deps.audit.list.filter((e) => e.action === 'webhook.delivery').map((e) => e.reason)).toEqual(['RATE_LIMITED']);
  });

  it('retries an attempt that could not be sent (a missing secret, a store that failed), then delivers', async () => {
    const { deps, drain } = await setUp();
    const send = deps.sender.send.bind(deps.sender);
    let failures = 2;
    deps.sender.send = (target, body) => (failures-- > 0 ? Promise.reject(new DomainError('NOT_FOUND', 'no secret')) : send(target, body));
    await webhookNotifier(deps).notify(failedSync);
    expect((await drain()).map((o) => o.kind)).toEqual(['retrying', 'retrying', 'delivered']);
    expect([...deps.deliveries.rows.values()][0]).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('fails and audits, after the last attempt, a delivery that can never be sent', async () => {
    const { deps, drain } = await setUp();
    await webhookNotifier(deps).notify(failedSync);
    deps.targets.load = () => Promise.reject(new Error('storage unavailable'));
    const outcomes = await drain();
    expect(outcomes).toHaveLength(MAX_ATTEMPTS);
    expect(outcomes.at(-1)).toEqual({ kind: 'failed', attempts: MAX_ATTEMPTS, httpStatus: null });
    expect([...deps.deliveries.rows.values()][0]).toMatchObject({ status: 'failed', error: 'NOT_SENT' });
    expect(deps.audit.list.filter((e) => e.action === 'webhook.delivery').map((e) => [e.outcome, e.reason])).toEqual([['failed', 'NOT_SENT']]);
  });

  it('counts a sender that died mid-attempt: taken over at the last attempt, the delivery fails without another POST', async () => {
    const { deps, clock } = await setUp();
    await webhookNotifier(deps).notify(failedSync);
    const [row] = deps.deliveries.rows.values();
    if (row === undefined) throw new Error('no delivery');
    deps.deliveries.rows.set(row.id, { ...row, status: 'sending', attempts: MAX_ATTEMPTS, updatedAt: clock.now() });
    deps.queue.pending.length = 0;
    clock.advance(41 * 60 * 1000);
    expect(await healDeliveries(deps)).toBe(1);
    expect(await runDelivery(row.id, MAX_ATTEMPTS, deps)).toEqual({ kind: 'failed', attempts: MAX_ATTEMPTS, httpStatus: null });
    expect(deps.sender.sent).toEqual([]);
    expect(deps.audit.list.filter((e) => e.action === 'webhook.delivery').map((e) => e.outcome)).toEqual(['failed']);
  });

  it('records a 2xx as delivered before its audit: an audit that fails never leads to a second POST', async () => {
    const { deps, drain, clock } = await setUp();
    const append = deps.audit.append.bind(deps.audit);
    deps.audit.append = () => Promise.reject(new Error('audit down'));
    await webhookNotifier(deps).notify(failedSync);
    await expect(drain()).rejects.toThrow('audit down');
    deps.audit.append = append;
    const [row] = deps.deliveries.rows.values();
    expect(row).toMatchObject({ status: 'delivered', attempts: 1 });
    clock.advance(41 * 60 * 1000);
    expect(await healDeliveries(deps)).toBe(0);
    expect(await runDelivery(row?.id ?? '', 1, deps)).toEqual({ kind: 'ignored', reason: 'not-this-attempt' });
    expect(deps.sender.sent).toHaveLength(1);
  });

  it('sends a test to one target with the example payload marked as a test', async () => {
    const { deps, drain } = await setUp([URL_A, URL_B]);
    const target = (await deps.targets.load()).targets[1];
    const delivery = await sendTest(target?.id ?? '', deps);
    expect(delivery).toMatchObject({ test: true, targetUrl: URL_B, status: 'queued' });
    await drain();
    expect(deps.sender.sent.map((s) => s.url)).toEqual([URL_B]);
    const body = JSON.parse(deps.sender.sent[0]?.body ?? '{}') as { test: boolean; trigger: string; summary: string };
    expect([body.test, body.trigger, body.summary.startsWith('Test: ')]).toEqual([true, 'sync-failed', true]);
    await expect(sendTest('gone', deps)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
