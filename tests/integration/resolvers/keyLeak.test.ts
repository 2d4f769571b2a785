import { responses, SIM_KEY, useAppRig } from './support/harness';
import { proxyTo } from './support/proxy';
import { seedFromSimulator } from './support/seed';
import { sql } from '@forge/sql';
import { egressTo } from '../sync/support/egressProxy';
import { AUTOMATION_ORIGIN, AutomationReceiver } from '../../../dev/automation-receiver';
import { jobsConsumer, syncConsumer } from '../../../src/index';
import type { BulkJobDto, TaskSavedDto, UsersPageDto, WebhooksViewDto } from '../../../src/contract';

/**
 * P2 / issue 22: the organization API key never leaves the secret store. The key goes through every flow — checked,
 * saved, a sync, the users' pages (as the CSV export reads them), a bulk action, a task's dry run and run, a webhook
 * test, the audit and jobs views — and then is looked for in every resolver answer, every console line, every row
 * of every SQL table, every KVS value but the secret, every queue event and every request sent anywhere but the
 * Admin API.
 */
const rig = useAppRig(20);
const receiver = new AutomationReceiver();
const consoleLines: string[] = [];
const events: unknown[] = [];
const outgoing: unknown[] = [];
let admin = '';

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
  const automation = egressTo(await receiver.start());
  const adminApi = proxyTo(rig.sim.url);
  rig.rt.setEgressHandler(async (url, init) => {
    if (url.origin !== 'https://api.atlassian.com') outgoing.push({ url: url.href, headers: JSON.stringify(init?.headers ?? null), body: init?.body });
    return url.origin === AUTOMATION_ORIGIN ? automation(url, init) : adminApi(url, init);
  });
  rig.rt.setConsumerHandler('jobs-consumer', (event) => {
    events.push(event);
    return jobsConsumer(event);
  });
  rig.rt.setConsumerHandler('sync-consumer', (event) => {
    events.push(event);
    return syncConsumer(event);
  });
  admin = rig.sim.state.org.users[0]?.accountId ?? '';
  rig.jiraAdmins.add(admin);
}, 60_000);
afterAll(async () => {
  jest.restoreAllMocks();
  await receiver.stop();
});

/** Every SQL table's rows, as text. */
const allRows = async (): Promise<string> => {
  const tables = await sql.prepare<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()').execute();
  const dumps: string[] = [];
  for (const { t } of tables.rows) dumps.push(JSON.stringify((await sql.prepare(`SELECT * FROM \`${t}\``).execute()).rows));
  return dumps.join('\n');
};

describe('the API key never leaves the secret store (P2)', () => {
  it('goes through every flow', async () => {
    await rig.ok(admin, 'apiKey.check', { key: SIM_KEY });
    await rig.ok(admin, 'apiKey.save', { key: SIM_KEY, orgId: rig.sim.state.org.id });
    await rig.ok(admin, 'sync.start', { dataTypes: ['users'] });
    await rig.rt.runtime.queue.drain();
    const { users } = await seedFromSimulator();
    let after: string | null = null;
    do {
      const page = (await rig.ok(admin, 'users.list', { limit: 5, after })) as UsersPageDto;
      after = page.next;
    } while (after !== null);
    const target = users.find((u) => u.accountStatus === 'active' && u.managed && u.managementSource === 'invited' && u.platformRoles.length === 0);
    expect(target).toBeDefined();
    const selection = { kind: 'accounts', accountIds: [target?.accountId ?? ''] };
    await rig.ok(admin, 'bulk.plan', { action: { type: 'deactivate' }, selection });
    const job = (await rig.ok(admin, 'bulk.start', { action: { type: 'deactivate' }, selection })) as BulkJobDto;
    await rig.rt.runtime.queue.drain();
    await rig.ok(admin, 'jobs.results', { jobId: job.jobId, outcome: 'succeeded' });
    const rule = receiver.addRule('Leak probe');
    const view = (await rig.ok(admin, 'webhooks.addTarget', { trigger: 'task-failed', url: rule.url, secret: rule.secret, siteUrl: 'https://acme.atlassian.net' })) as WebhooksViewDto;
    await rig.ok(admin, 'webhooks.test', { targetId: view.targets[0]?.id ?? '' });
    await rig.rt.runtime.queue.drain();
    const task = (await rig.ok(admin, 'tasks.save', {
      id: null,
      expectedUpdatedAt: null,
      task: {
        name: 'Leak probe',
        enabled: false,
        rule: { kind: 'inactive', minInactiveDays: 3, products: 'all' },
        filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['managed', 'external'], billableOnly: false },
        action: { type: 'notify' },
        schedule: { days: 'daily', hour: 12 },
        noticeDays: 0,
        safetyCap: 1000,
      },
    })) as TaskSavedDto;
    await rig.ok(admin, 'tasks.dryRun', { taskId: task.task.id });
    await rig.ok(admin, 'tasks.runNow', { taskId: task.task.id });
    await rig.rt.runtime.queue.drain();
    for (const key of ['dashboard.get', 'settings.get', 'audit.list', 'jobs.list', 'sync.history', 'webhooks.deliveries', 'app.bootstrap'] as const) await rig.ok(admin, key);
    expect(events.length).toBeGreaterThan(3);
    expect(outgoing.length).toBeGreaterThan(0);
  }, 180_000);

  it('is in the secret store, and nowhere else', async () => {
    const store = rig.rt.runtime.kvs.store.entries();
    expect(JSON.stringify(store.filter(([ns]) => ns === 'secret'))).toContain(SIM_KEY);
    const places: [string, string][] = [
      ['resolver answers', JSON.stringify(responses)],
      ['console', consoleLines.join('\n')],
      ['SQL tables', await allRows()],
      ['KVS values', JSON.stringify(store.filter(([ns]) => ns !== 'secret'))],
      ['queue events', JSON.stringify(events)],
      ['requests outside the Admin API', JSON.stringify(outgoing)],
    ];
    expect(places.filter(([, text]) => text.includes(SIM_KEY)).map(([where]) => where)).toEqual([]);
    expect(places.every(([, text]) => text.length > 2)).toBe(true);
  });
});
