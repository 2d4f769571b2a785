import { stableHash } from '../../../../src/domain/usecases/bulk/stableId';
import { defaultSettings } from '../../../../src/domain/model/settings';
import { hourlyTick } from '../../../../src/domain/usecases/sync/hourlyTick';
import { startSync } from '../../../../src/domain/usecases/sync/runLifecycle';
import { dbState, directoryState, drain } from './driver';
import { makeWorld, populate, type World } from './world';
import { FakeDeliveries } from '../fakes';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A world whose sync slot is 03:00 in Berlin (01:00 UTC in summer), the clock at 00:20 UTC on 2025-06-15. */
const world = (): World => {
  const w = makeWorld({}, new Date('2025-06-15T00:20:00Z'));
  w.settings.settings = { ...defaultSettings(), sync: { hour: 3, timeZone: 'Europe/Berlin' } };
  populate(w, { users: 120 });
  return w;
};

/** Ticks every hour for `hours`, draining the queue after each tick; returns the sync action per tick. */
const tickHourly = async (w: World, hours: number): Promise<string[]> => {
  const actions: string[] = [];
  for (let i = 0; i < hours; i += 1) {
    const summary = await hourlyTick(w.tickDeps);
    actions.push(summary.sync.action);
    await drain(w);
    w.clock.set(new Date(w.clock.now().getTime() - (w.clock.now().getTime() % HOUR) + HOUR + 20 * 60_000));
  }
  return actions;
};

describe('hourlyTick (ARCHITECTURE §2.2, FEATURES S4)', () => {
  it('starts the scheduled sync once per day, in the slot of the site time zone', async () => {
    const w = world();
    const actions = await tickHourly(w, 48);
    expect(actions.filter((a) => a === 'started')).toHaveLength(2);
    expect(actions[1]).toBe('started'); // 01:20 UTC = 03:20 in Berlin
    expect(actions[25]).toBe('started');
    const runs = [...w.runs.runs.values()];
    expect(runs.map((r) => [r.trigger, r.status])).toEqual([['schedule', 'succeeded'], ['schedule', 'succeeded']]);
    expect(runs.map((r) => r.startedAt.getTime() - runs[0]!.startedAt.getTime())).toEqual([0, DAY]);
  });

  it('does nothing on a duplicate tick, whether the sync still runs or has finished', async () => {
    const w = world();
    w.clock.set(new Date('2025-06-15T01:10:00Z'));
    const first = await hourlyTick(w.tickDeps);
    expect(first.sync).toMatchObject({ action: 'started', slotStart: new Date('2025-06-15T01:00:00Z') });
    expect((await hourlyTick(w.tickDeps)).sync).toMatchObject({ action: 'running', runId: first.sync.runId });
    await drain(w);
    w.clock.advance(5 * 60_000);
    expect((await hourlyTick(w.tickDeps)).sync.action).toBe('not-due');
    expect(w.runs.runs.size).toBe(1);
  });

  it('reports the run a tick beside it has just started as running, not as not-due', async () => {
    const w = world();
    w.clock.set(new Date('2025-06-15T01:10:00Z'));
    const first = await hourlyTick(w.tickDeps);
    // This tick read the latest run before the other one created it; the job history then shows it running.
    w.runs.latest = () => Promise.resolve(null);
    expect((await hourlyTick(w.tickDeps)).sync).toEqual({ action: 'running', runId: first.sync.runId, slotStart: null });
    expect(w.runs.runs.size).toBe(1);
  });

  it('lets a manual sync run without moving the schedule, and catches up once it is done', async () => {
    const w = world();
    w.clock.set(new Date('2025-06-15T00:50:00Z'));
    const manual = await startSync({ trigger: 'manual', actor: { kind: 'admin', accountId: 'a' }, dataTypes: ['users'] }, w.startDeps);
    w.clock.set(new Date('2025-06-15T01:20:00Z'));
    expect((await hourlyTick(w.tickDeps)).sync).toMatchObject({ action: 'running', runId: manual.id });
    await drain(w);
    w.clock.set(new Date('2025-06-15T02:20:00Z'));
    expect((await hourlyTick(w.tickDeps)).sync.action).toBe('started');
  });

  it('remembers the scheduled run in the job history: a manual sync after it does not make the schedule run again', async () => {
    const w = world();
    w.clock.set(new Date('2025-06-15T01:10:00Z'));
    expect((await hourlyTick(w.tickDeps)).sync.action).toBe('started');
    await drain(w);
    w.clock.set(new Date('2025-06-15T05:00:00Z'));
    await startSync({ trigger: 'manual', actor: { kind: 'admin', accountId: 'a' }, dataTypes: ['users'] }, w.startDeps);
    await drain(w);
    w.clock.set(new Date('2025-06-15T06:10:00Z'));
    expect((await hourlyTick(w.tickDeps)).sync.action).toBe('not-due');
    w.clock.set(new Date('2025-06-16T01:10:00Z'));
    expect((await hourlyTick(w.tickDeps)).sync.action).toBe('started');
    expect([...w.runs.runs.values()].map((r) => r.trigger)).toEqual(['schedule', 'manual', 'schedule']);
  });

  it('resumes a run that stalled (its message was lost) and the run then completes', async () => {
    const w = world();
    w.clock.set(new Date('2025-06-15T01:20:00Z'));
    const { sync } = await hourlyTick(w.tickDeps);
    w.queue.pending = []; // the platform dropped the message
    w.clock.advance(20 * 60_000);
    expect((await hourlyTick(w.tickDeps)).sync.action).toBe('running');
    w.clock.advance(20 * 60_000);
    expect((await hourlyTick(w.tickDeps)).sync).toMatchObject({ action: 'resumed', runId: sync.runId });
    await drain(w);
    expect((await w.runs.get(sync.runId!))?.status).toBe('succeeded');
    expect(dbState(w)).toEqual(directoryState(w));
  });

  it('reports instead of throwing: no key, and broken settings', async () => {
    const w = world();
    w.clock.set(new Date('2025-06-15T01:20:00Z'));
    w.secrets.key = null;
    expect(await hourlyTick(w.tickDeps)).toEqual({
      sync: { action: 'no-api-key', runId: null, slotStart: new Date('2025-06-15T01:00:00Z') },
      apiKeyNotice: 'no-key',
      tasksStarted: null,
      jobsHealed: 0,
    });
    w.settings.settings = { ...defaultSettings(), sync: { hour: 3, timeZone: 'Mars/Olympus' } };
    expect((await hourlyTick(w.tickDeps)).sync).toEqual({ action: 'error', runId: null, slotStart: null, error: 'TIME_SLOT_INVALID' });
    w.settings.load = () => Promise.reject(new Error('kvs down'));
    expect((await hourlyTick(w.tickDeps)).sync.error).toBe('INTERNAL');
  });

  it('sends the 7-day API key notice exactly once per expiry, and again for a new key', async () => {
    const w = world();
    const expiresAt = new Date('2025-06-25T00:00:00Z');
    w.secrets.key = { ...w.secrets.key!, expiresAt };
    expect((await hourlyTick(w.tickDeps)).apiKeyNotice).toBe('not-due'); // 9 days left
    w.clock.set(new Date('2025-06-18T00:30:00Z'));
    w.notifier.failNext = 1;
    expect((await hourlyTick(w.tickDeps)).apiKeyNotice).toBe('error');
    const sent = [];
    for (let i = 0; i < 30; i += 1) {
      sent.push((await hourlyTick(w.tickDeps)).apiKeyNotice);
      w.clock.advance(HOUR);
    }
    expect(sent.filter((s) => s === 'sent')).toHaveLength(1);
    const lastFour = w.secrets.key.lastFour;
    expect(w.notifier.sent).toEqual([
      {
        trigger: 'api-key-expiring',
        key: `api-key-expiring:${stableHash(`${lastFour}@${expiresAt.toISOString()}`)}`,
        apiKey: { name: null, expiresAt, daysLeft: 6, expirySource: w.secrets.key.expirySource },
      },
    ]);
    w.secrets.key = { ...w.secrets.key, expiresAt: new Date('2025-06-22T00:00:00Z') };
    expect((await hourlyTick(w.tickDeps)).apiKeyNotice).toBe('sent');
    expect(w.audit.list.filter((e) => e.action === 'api-key.expiry-notice').map((e) => e.details)).toEqual([
      { expiresAt: expiresAt.toISOString(), daysLeft: 6, key: stableHash(`${lastFour}@${expiresAt.toISOString()}`) },
      { expiresAt: '2025-06-22T00:00:00.000Z', daysLeft: 2, key: stableHash(`${lastFour}@2025-06-22T00:00:00.000Z`) },
    ]);
    expect(JSON.stringify([w.notifier.sent, w.audit.list])).not.toContain(lastFour); // no part of the key leaves the app
    w.secrets.key = { ...w.secrets.key, expiresAt: null };
    expect((await hourlyTick(w.tickDeps)).apiKeyNotice).toBe('not-due');
  });

  it('sends the key notice for a replacement key with the same expiry, and only once a target exists', async () => {
    const w = world();
    const expiresAt = new Date('2025-06-20T00:00:00Z');
    w.secrets.key = { ...w.secrets.key!, expiresAt, expirySource: 'admin' };
    w.notifier.targets = 0;
    expect((await hourlyTick(w.tickDeps)).apiKeyNotice).toBe('no-target');
    expect(w.audit.list.filter((e) => e.action === 'api-key.expiry-notice')).toEqual([]);
    w.notifier.targets = 2;
    expect((await hourlyTick(w.tickDeps)).apiKeyNotice).toBe('sent');
    expect((await hourlyTick(w.tickDeps)).apiKeyNotice).toBe('not-due');
    w.secrets.key = { ...w.secrets.key, lastFour: 'wxyz' };
    expect((await hourlyTick(w.tickDeps)).apiKeyNotice).toBe('sent');
    expect((await hourlyTick(w.tickDeps)).apiKeyNotice).toBe('not-due');
    expect(w.notifier.sent.map((e) => e.key)).toEqual([
      `api-key-expiring:${stableHash(`abcd@${expiresAt.toISOString()}`)}`,
      `api-key-expiring:${stableHash(`abcd@${expiresAt.toISOString()}`)}`,
      `api-key-expiring:${stableHash(`wxyz@${expiresAt.toISOString()}`)}`,
    ]);
  });

  it('pushes stalled webhook deliveries again, and reports a failure to do so without throwing', async () => {
    const w = world();
    const deliveries = new FakeDeliveries();
    const at = new Date(w.clock.now().getTime() - 2 * HOUR);
    await deliveries.create([
      {
        id: 'wh-1', trigger: 'sync-failed', targetId: 't', targetUrl: 'u', body: '{}', part: 1, parts: 1, test: false,
        status: 'retrying', attempts: 2, httpStatus: 503, error: 'SERVER_ERROR', createdAt: at, updatedAt: at, nextAttemptAt: at,
      },
    ]);
    expect((await hourlyTick({ ...w.tickDeps, deliveries })).deliveriesHealed).toBe(1);
    expect(w.queue.pushed.at(-1)?.message).toEqual({ kind: 'webhook-delivery', deliveryId: 'wh-1', attempt: 3 });
    const broken = Object.assign(new FakeDeliveries(), { stalled: () => Promise.reject(new Error('sql down')) });
    expect((await hourlyTick({ ...w.tickDeps, deliveries: broken })).deliveriesHealed).toBe(-1);
  });

  it('leaves a seam for automated tasks and reports their failure without throwing', async () => {
    const w = world();
    const asked: Date[] = [];
    const tick = { ...w.tickDeps, tasks: { startDue: (now: Date) => (asked.push(now), Promise.resolve(2)) } };
    expect((await hourlyTick(tick)).tasksStarted).toBe(2);
    expect(asked).toEqual([w.clock.now()]);
    const failing = { ...w.tickDeps, tasks: { startDue: () => Promise.reject(new Error('x')) } };
    expect((await hourlyTick(failing)).tasksStarted).toBe(-1);
  });
});
