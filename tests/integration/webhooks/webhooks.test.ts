import { SIM_KEY, responses, useAppRig } from '../resolvers/support/harness';
import { proxyTo } from '../resolvers/support/proxy';
import { egressTo } from '../sync/support/egressProxy';
import { quietLogs } from '../sync/support/quietLogs';
import { AUTOMATION_ORIGIN, AutomationReceiver, type ReceiverRule } from '../../../dev/automation-receiver';
import { ForgeJobQueue } from '../../../src/adapters/events/jobQueue';
import { SqlDeliveryRepository } from '../../../src/adapters/forge-sql/webhooks/sqlDeliveryRepository';
import { automationSender } from '../../../src/adapters/webhooks/automationSender';
import { hourlyTick } from '../../../src/index';
import type { AuditPageDto, SyncRunDto, WebhookDeliveryDto, WebhookDeliveryPageDto, WebhooksViewDto } from '../../../src/contract';

const rig = useAppRig(25);
const logs = quietLogs();
const receiver = new AutomationReceiver();
let admin = '';
let rule: ReceiverRule;

beforeAll(async () => {
  const automation = egressTo(await receiver.start());
  const adminApi = proxyTo(rig.sim.url);
  // Automation webhooks reach the receiver, the Admin API the simulator: the manifest's egress decides what may go out.
  rig.rt.setEgressHandler((url, init) => (url.origin === AUTOMATION_ORIGIN ? automation(url, init) : adminApi(url, init)));
  rule = receiver.addRule('Email the admins');
  admin = rig.sim.state.org.users[0]?.accountId ?? '';
  rig.jiraAdmins.add(admin);
  await rig.ok(admin, 'apiKey.save', { key: SIM_KEY, orgId: rig.sim.state.org.id });
}, 60_000);
afterAll(async () => {
  await receiver.stop();
});
beforeEach(() => {
  receiver.clear();
});

const add = async (trigger: string, url: string, secret: string) =>
  (await rig.ok(admin, 'webhooks.addTarget', { trigger, url, secret, siteUrl: 'https://acme.atlassian.net' })) as WebhooksViewDto;
const targetOf = (view: WebhooksViewDto, trigger: string) => view.targets.filter((t) => t.trigger === trigger).at(-1)!;
const test = async (targetId: string) => (await rig.ok(admin, 'webhooks.test', { targetId })) as WebhookDeliveryDto;
const log = async () => ((await rig.ok(admin, 'webhooks.deliveries', { limit: 50 })) as WebhookDeliveryPageDto).items;
const payloads = () => receiver.received.map((r) => r.body as Record<string, unknown>);

describe('Automation webhooks through the real resolver, queue and @forge/api fetch (S7)', () => {
  it('refuses URLs that are not Automation incoming webhooks, with the reason, and saves nothing', async () => {
    for (const [url, reason] of [
      [rule.url.replace('https:', 'http:'), 'url-not-https'],
      [rule.url.replace('api-private.atlassian.com', 'hooks.example.com'), 'url-wrong-host'],
      [rule.url.replace('https://', 'https://me:pw@'), 'url-credentials'],
      [`${rule.url}/${rule.secret}`, 'url-secret-in-url'],
    ]) {
      const answer = await rig.invoke(admin, 'webhooks.addTarget', { trigger: 'task-failed', url, secret: rule.secret });
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'url', messageKey: `webhooks.reasons.${reason ?? ''}` }] } } });
    }
    const tooLong = await rig.invoke(admin, 'webhooks.addTarget', { trigger: 'task-failed', url: rule.url, secret: 'x'.repeat(300) });
    expect(tooLong).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'secret', messageKey: 'webhooks.reasons.secret-too-long' }] } } });
    expect(((await rig.ok(admin, 'webhooks.get')) as WebhooksViewDto).targets).toEqual([]);
  });

  it('sends a test with the secret only in the token header; the log and the audit show it delivered', async () => {
    const view = await add('task-failed', rule.url, rule.secret);
    const target = targetOf(view, 'task-failed');
    expect(target).toMatchObject({ url: rule.url, secretLastFour: rule.secret.slice(-4) });
    const queued = await test(target.id);
    expect(queued).toMatchObject({ status: 'queued', test: true, attempts: 0 });
    await rig.rt.runtime.queue.drain();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ tokenOk: true, status: 200, ruleName: 'Email the admins' });
    expect(payloads()[0]).toMatchObject({
      schemaVersion: 1,
      trigger: 'task-failed',
      test: true,
      deliveryId: queued.id,
      organization: { id: rig.sim.state.org.id, name: rig.sim.state.org.name },
      appUrl: expect.stringMatching(/^https:\/\/acme\.atlassian\.net\/jira\/settings\/apps\/[\w-]+\/[\w-]+$/) as unknown,
    });
    expect((await log())[0]).toMatchObject({ id: queued.id, status: 'delivered', attempts: 1, httpStatus: 200, trigger: 'task-failed', targetUrl: rule.url });
    const audit = (await rig.ok(admin, 'audit.list', { actions: ['webhook.delivery', 'webhook.target-add'] })) as AuditPageDto;
    expect(audit.items.map((e) => [e.action, e.outcome])).toEqual([['webhook.delivery', 'succeeded'], ['webhook.target-add', 'succeeded']]);
  });

  it('retries 503 and 429 with backoff, then delivers; the log counts the attempts', async () => {
    const target = targetOf((await rig.ok(admin, 'webhooks.get')) as WebhooksViewDto, 'task-failed');
    receiver.fail({ status: 503 }, { status: 429, retryAfterSeconds: 90 });
    const queued = await test(target.id);
    const before = rig.rt.runtime.clock.now();
    await rig.rt.runtime.queue.drain();
    expect(receiver.received.map((r) => r.status)).toEqual([503, 429, 200]);
    expect(rig.rt.runtime.clock.now() - before).toBeGreaterThanOrEqual(120_000);
    expect((await log()).find((d) => d.id === queued.id)).toMatchObject({ status: 'delivered', attempts: 3, httpStatus: 200 });
  });

  it('sends nothing again when an attempt\'s queue message comes twice', async () => {
    const target = targetOf((await rig.ok(admin, 'webhooks.get')) as WebhooksViewDto, 'task-failed');
    const queued = await test(target.id);
    await rig.rt.runtime.queue.drain();
    const again = { kind: 'webhook-delivery' as const, deliveryId: queued.id, attempt: 1 };
    await rig.rt.runtime.invoke({ accountId: admin, functionKey: 'resolver' }, async () => {
      await new ForgeJobQueue().push(again);
      await new ForgeJobQueue().push(again);
    });
    await rig.rt.runtime.queue.drain();
    expect(receiver.received).toHaveLength(1);
    expect((await log()).find((d) => d.id === queued.id)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('keeps a newer outcome when a late sender records an older attempt', async () => {
    const target = targetOf((await rig.ok(admin, 'webhooks.get')) as WebhooksViewDto, 'task-failed');
    const queued = await test(target.id);
    await rig.rt.runtime.queue.drain();
    const late = { status: 'retrying' as const, httpStatus: 503, error: 'SERVER_ERROR', nextAttemptAt: new Date(), updatedAt: new Date() };
    const applied = await rig.rt.runtime.invoke({ accountId: admin, functionKey: 'resolver' }, () => new SqlDeliveryRepository().finish(queued.id, 1, late));
    expect(applied).toBe(false);
    expect((await log()).find((d) => d.id === queued.id)).toMatchObject({ status: 'delivered', attempts: 1, httpStatus: 200 });
  });

  it('waits for a slow answer, and counts one slower than the time-out as TIMEOUT (retried)', async () => {
    const secretOf = (): Promise<string> => Promise.resolve(rule.secret);
    const send = (timeoutMs: number) =>
      rig.rt.runtime.invoke({ functionKey: 'jobs-consumer', timeoutMs: 900_000 }, () => automationSender(secretOf, timeoutMs).send({ id: 't', url: rule.url }, '{"x":1}'));
    receiver.fail({ delayMs: 300 }, { delayMs: 2_000 });
    expect(await send(5_000)).toEqual({ kind: 'answered', status: 200, retryAfterSeconds: null });
    expect(await send(500)).toEqual({ kind: 'no-answer', error: 'TIMEOUT' });
    const unreachable = rule.url.replace(/[0-9a-f]{4}$/, '0000');
    const other = await rig.rt.runtime.invoke({ functionKey: 'jobs-consumer', timeoutMs: 900_000 }, () =>
      automationSender(secretOf).send({ id: 't', url: unreachable }, '{}'),
    );
    expect(other).toEqual({ kind: 'answered', status: 404, retryAfterSeconds: null });
    // The receiver records the abandoned request once it answers it: wait, so that it lands in this test.
    for (let waited = 0; receiver.received.length < 3 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received.map((r) => r.status).sort()).toEqual([200, 200, 404]);
  });

  it('gives up after the last attempt on a target that keeps failing, and never retries a wrong secret', async () => {
    const target = targetOf((await rig.ok(admin, 'webhooks.get')) as WebhooksViewDto, 'task-failed');
    receiver.fail(...Array.from({ length: 12 }, () => ({ status: 500 })));
    const failing = await test(target.id);
    await rig.rt.runtime.queue.drain();
    expect(receiver.received).toHaveLength(9);
    expect((await log()).find((d) => d.id === failing.id)).toMatchObject({ status: 'failed', attempts: 9, httpStatus: 500, error: 'SERVER_ERROR' });
    receiver.clear();
    const wrong = targetOf(await add('sync-failed', rule.url, 'not-the-rules-secret'), 'sync-failed');
    const rejected = await test(wrong.id);
    await rig.rt.runtime.queue.drain();
    expect(receiver.received.map((r) => [r.status, r.tokenOk])).toEqual([[401, false]]);
    expect((await log()).find((d) => d.id === rejected.id)).toMatchObject({ status: 'failed', attempts: 1, httpStatus: 401, error: 'TARGET_REJECTED' });
    await rig.ok(admin, 'webhooks.removeTarget', { targetId: wrong.id });
  });

  it('announces a failed sync while the target fails, and the run keeps its own outcome', async () => {
    await add('sync-failed', rule.url, rule.secret);
    const key = rig.sim.state.keys.find((k) => k.token === SIM_KEY)!;
    key.revoked = true;
    receiver.fail(...Array.from({ length: 3 }, () => ({ status: 502 })));
    let history: { items: SyncRunDto[] };
    try {
      const run = (await rig.ok(admin, 'sync.start', { dataTypes: ['users'] })) as SyncRunDto;
      await rig.rt.runtime.queue.drain();
      history = (await rig.ok(admin, 'sync.history', { limit: 1 })) as { items: SyncRunDto[] };
      expect(history.items[0]).toMatchObject({ runId: run.runId, status: 'failed', failureReason: expect.stringMatching(/^API_KEY_/) as unknown });
    } finally {
      key.revoked = false;
    }
    const reason = history.items[0]?.failureReason ?? '';
    const notices = payloads().filter((p) => p.trigger === 'sync-failed');
    expect(receiver.received.filter((r) => (r.body as { trigger?: string }).trigger === 'sync-failed').map((r) => r.status)).toEqual([502, 502, 502, 200]);
    expect(notices[0]).toMatchObject({ sync: { failureCode: reason, trigger: 'manual' }, summary: expect.stringContaining(`failed (${reason})`) as unknown });
  });

  it('sends api-key-expiring once per key when 7 days are left, on any number of hourly ticks', async () => {
    await add('api-key-expiring', rule.url, rule.secret);
    const key = rig.sim.state.keys.find((k) => k.token === SIM_KEY)!;
    key.expiresAt = Date.now() + 5 * 24 * 60 * 60 * 1000 + 60_000;
    await rig.ok(admin, 'apiKey.save', { key: SIM_KEY, orgId: rig.sim.state.org.id, label: key.label });
    for (let tick = 0; tick < 3; tick += 1) {
      await rig.rt.runtime.invoke({ functionKey: 'hourly-tick', timeoutMs: 900_000 }, () => hourlyTick());
      await rig.rt.runtime.queue.drain();
    }
    const notices = payloads().filter((p) => p.trigger === 'api-key-expiring');
    expect(notices).toHaveLength(1);
    // The tick's healing and purge of deliveries ran on the real table (a failure would log -1).
    const ticks = logs.lines.filter((l) => l.includes('hourly-tick:'));
    expect(ticks).toHaveLength(3);
    expect(ticks.every((l) => l.includes('webhook deliveries healed 0'))).toBe(true);
    expect(notices[0]).toMatchObject({ test: false, apiKey: { name: key.label, daysLeft: 5, expirySource: 'api', expiresAt: new Date(key.expiresAt).toISOString() } });
  });

  it('never lets a secret out: not in a response, a log line, an audit entry or a payload beyond its header', async () => {
    const secret = rule.secret;
    expect(JSON.stringify(responses)).not.toContain(secret);
    expect(logs.lines.join('\n')).not.toContain(secret);
    const audit = (await rig.ok(admin, 'audit.list', { limit: 1000 })) as AuditPageDto;
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(receiver.received.map((r) => r.body))).not.toContain(secret);
  });
});
