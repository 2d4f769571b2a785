import type { FaultRule } from '../../../dev/admin-api-simulator';
import { rejection } from './support/client';
import { SIM_NOW, startRig, walkUsers, type SimRig } from './support/simulator';

jest.setTimeout(60_000);

/* The client's behaviour under each fault the simulator injects: retried, never turned into missing data. */

const ORG = { users: 1000, now: SIM_NOW, seed: 'faults' };

describe('Admin API client under injected faults', () => {
  let rig: SimRig;
  afterEach(() => rig.stop());

  const faults: [string, FaultRule][] = [
    ['500s', { kind: 'server-error', endpoints: ['users-search'], from: 2, count: 3 }],
    ['502/503/504 gateway errors', { kind: 'server-error', status: 503, endpoints: ['users-search'], calls: [1, 3, 4] }],
    ['cut-off JSON pages', { kind: 'malformed-json', endpoints: ['users-search'], calls: [2, 3] }],
    ['pages without data', { kind: 'missing-fields', endpoints: ['users-search'], calls: [1, 4] }],
    ['dropped connections', { kind: 'connection-reset', endpoints: ['users-search'], from: 2, count: 2 }],
    ['random faults on a third of the calls', { kind: 'server-error', endpoints: ['users-search'], rate: 0.3 }],
  ];

  it.each(faults)('%s: the walk still reads every user exactly once', async (_name, fault) => {
    rig = await startRig({ org: ORG, faults: [fault] });
    const users = await walkUsers(rig, rig.directoryIds[0] ?? '');
    expect(users.map((u) => u.accountId)).toEqual(rig.sim.state.org.users.map((u) => u.accountId));
    expect(rig.attempts.some((a) => a.willRetry)).toBe(true);
  });

  it('slow responses beyond the request timeout are abandoned and retried', async () => {
    rig = await startRig(
      { org: ORG, faults: [{ kind: 'slow', endpoints: ['last-active-dates'], calls: [1], delayMs: 500 }] },
      { requestTimeoutMs: 150 },
    );
    const user = rig.sim.state.org.users[5]!;
    const activity = await rig.gateway.lastActiveDates(rig.orgId, user.accountId);
    expect(activity.accountId).toBe(user.accountId);
    expect(rig.attempts[0]).toMatchObject({ status: 'network', willRetry: true });
  });

  it('a fault that never ends is a typed UPSTREAM_FAILED after bounded attempts, not an empty page', async () => {
    rig = await startRig({ org: ORG, faults: [{ kind: 'missing-fields', endpoints: ['groups-search'] }] }, { maxAttempts: 3 });
    await expect(rejection(rig.gateway.searchGroups(rig.orgId, rig.directoryIds[0] ?? '', null))).resolves.toMatchObject({
      code: 'UPSTREAM_FAILED',
      details: { operation: 'searchGroups', reason: 'malformed-response', attempts: 3 },
    });
    expect(rig.sim.counters()['groups-search'].requests).toBe(3);
  });

  it('a 429 on the last-active fallback is RATE_LIMITED with a retry time, never "no activity"', async () => {
    rig = await startRig({ org: ORG, faults: [{ kind: 'rate-limit', endpoints: ['last-active-dates'] }] });
    const user = rig.sim.state.org.users[0]!;
    const error = await rejection(rig.gateway.lastActiveDates(rig.orgId, user.accountId));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { operation: 'lastActiveDates', attempts: 6 } });
    expect(Date.parse(String(error.details.retryAt))).toBeGreaterThan(rig.time.now());
  });
});
