/**
 * Issue 5 through the functions manifest.yml declares, wired as in production (src/index.ts + src/composition.ts:
 * real clock and waits, default limits, @forge/api egress to https://api.atlassian.com, requestJira): the
 * `hourly-tick` scheduled trigger starts the daily sync, the runtime delivers it to `sync-consumer` (loaded from
 * the manifest's handler), and the admin page's resolver starts a manual sync and reads progress and history.
 */
import { useForgeRuntime } from '../../support/forgeRuntime';
import { contract } from '../../../src/contract';
import { handler, hourlyTick } from '../../../src/index';
import { expectDatabaseEqualsSimulators } from './support/expectations';
import { quietLogs } from './support/quietLogs';
import { calmPlan, startSimulators, type Simulators } from './support/simulators';
import { configureApp } from './support/syncRig';

const rt = useForgeRuntime();
quietLogs();

let sims: Simulators;
let admin = '';
beforeAll(async () => {
  sims = await startSimulators(rt, calmPlan(31, 45));
  await configureApp(sims, new Date(rt.runtime.clock.now()), 'America/New_York');
  admin = [...sims.jira.site.admins][0] ?? '';
});
afterAll(async () => {
  await sims.stop();
});

/** Calls an admin page resolver as `admin`; returns its data (the envelope must be ok). */
const call = async (key: 'sync.start' | 'sync.status' | 'sync.history', payload: unknown = {}): Promise<unknown> => {
  const result = (await rt.runtime.invoke({ accountId: admin, functionKey: 'resolver', moduleKey: 'ulo-admin-page' }, () =>
    handler({ call: { functionKey: key, payload }, context: { moduleKey: 'ulo-admin-page' } }, { principal: { accountId: admin } }),
  )) as { ok: boolean; data?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${key}: ${JSON.stringify(result.error)}`);
  return contract[key].data.parse(result.data);
};

const scheduledInvocation = { functionKey: 'hourly-tick', moduleKey: 'ulo-hourly', moduleType: 'core:scheduledTrigger', timeoutMs: 900_000 };

it('the hourly-tick function starts the daily sync and the sync-consumer function runs it to the end', async () => {
  await rt.runtime.invoke(scheduledInvocation, () => hourlyTick());
  await rt.runtime.invoke(scheduledInvocation, () => hourlyTick());
  const deliveries = await rt.runtime.queue.drain();
  expect(deliveries).toBeGreaterThan(0);
  expect(rt.runtime.queue.deliveries.every((d) => d.outcome === 'success' && d.queueName === 'ulo-sync')).toBe(true);
  await expectDatabaseEqualsSimulators(sims);
  const status = await call('sync.status');
  expect(status).toMatchObject({ trigger: 'schedule', status: 'succeeded', processed: 45, percent: 100 });
}, 60_000);

it('a manual sync from the admin page (S5) runs through the same consumer; the history lists both runs', async () => {
  const started = await call('sync.start', { dataTypes: ['groups', 'last-active'] });
  expect(started).toMatchObject({ trigger: 'manual', status: 'running', dataTypes: ['last-active', 'groups'], estimatedTotal: 45 });
  await rt.runtime.queue.drain();
  const { items } = (await call('sync.history', { limit: 5 })) as { items: { trigger: string; status: string }[] };
  expect(items.map((r) => [r.trigger, r.status])).toEqual([
    ['manual', 'succeeded'],
    ['schedule', 'succeeded'],
  ]);
  await expectDatabaseEqualsSimulators(sims);
}, 60_000);
