import type { User } from '../../../src/domain/model/user';
import { resumable, SIM_NOW, startRig, tooManyRequests, walkUsers, type SimRig } from './support/simulator';

jest.setTimeout(60_000);

/*
 * The client against the Admin API simulator on shared virtual time: its pacing keeps every endpoint under the
 * simulator's per-minute token buckets with zero 429s in steady state, and it recovers from an injected 429 storm
 * without losing or repeating a user.
 */

const ORG = { users: 1500, now: SIM_NOW, seed: 'pacing', sites: 2 };

const sameIds = (users: User[], rig: SimRig): void => {
  const ids = users.map((u) => u.accountId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ids)).toEqual(new Set(rig.sim.state.org.users.map((u) => u.accountId)));
};

describe('Admin API client pacing against the simulator', () => {
  let rig: SimRig;
  afterEach(() => rig.stop());

  it('reads users, groups and the last-active fallback at once with zero 429s under tight limits', async () => {
    // 15 user pages against 4/min, groups + role assignments against 10/min, last-active at the published 200/min.
    rig = await startRig({ org: ORG, rateLimits: { 'users-search': 4, 'groups-search': 10, 'group-role-assignments': 10 } });
    const [directoryId = ''] = rig.directoryIds;
    const start = rig.time.now();

    const readGroups = async (): Promise<number> => {
      let cursor: string | null = null;
      let count = 0;
      do {
        const page = await rig.gateway.searchGroups(rig.orgId, directoryId, cursor);
        count += page.items.length;
        cursor = page.next;
      } while (cursor !== null);
      return count;
    };
    const [users, groups] = await Promise.all([walkUsers(rig, directoryId), readGroups()]);
    const unknown = users.filter((u) => !u.activityKnown);
    const activity = await Promise.all(unknown.map((u) => rig.gateway.lastActiveDates(rig.orgId, u.accountId)));

    sameIds(users, rig);
    expect(groups).toBe(rig.sim.state.org.groups.length);
    expect(activity).toHaveLength(unknown.length);
    expect(unknown.length).toBeGreaterThan(80); // hidden activity, no product, or no product ever used (fixed seed: 103)
    expect(tooManyRequests(rig.sim)).toBe(0);
    expect(rig.requeues.count).toBe(0);
    // It did have to wait: 15 pages at 4/min cannot take less than (15 - 4) / 4 minutes.
    expect(rig.time.now() - start).toBeGreaterThan(((15 - 4) / 4) * 60_000);
    const counters = rig.sim.counters();
    expect(counters['users-search'].requests).toBe(15);
    expect(counters['last-active-dates'].requests).toBeGreaterThanOrEqual(unknown.length);
  });

  it('keeps the last-active fallback within the published 200/min even when the bucket would allow bursts', async () => {
    rig = await startRig({ org: ORG });
    const accountIds = rig.sim.state.org.users.slice(0, 600).map((u) => u.accountId);
    const start = rig.time.now();
    await Promise.all(accountIds.map((id) => rig.gateway.lastActiveDates(rig.orgId, id)));
    const minutes = (rig.time.now() - start) / 60_000;
    const calls = rig.sim.counters()['last-active-dates'].requests;
    expect(tooManyRequests(rig.sim)).toBe(0);
    expect(calls).toBeGreaterThanOrEqual(600);
    // Never faster than the 3/s ceiling (180/min), so other clients of the org keep a share.
    expect(calls / minutes).toBeLessThanOrEqual(181);
  });

  it('paces operations that share an endpoint budget (suspend + restore) together: zero 429s', async () => {
    rig = await startRig({ org: ORG, rateLimits: { 'user-suspension': 6 } });
    const [directoryId = ''] = rig.directoryIds;
    const targets = rig.sim.state.org.users
      .filter((u) => u.platformRoles.length === 0 && u.accountStatus === 'active' && u.membershipStatus === 'active')
      .slice(0, 12);
    await Promise.all(
      targets.map(async (u) => {
        await rig.gateway.suspendUser(rig.orgId, directoryId, u.accountId);
        await rig.gateway.restoreUser(rig.orgId, directoryId, u.accountId);
      }),
    );
    expect(rig.sim.counters()['user-suspension'].requests).toBe(24);
    expect(tooManyRequests(rig.sim)).toBe(0);
  });

  it('recovers from a 429 storm with Retry-After: every user read once, no extra 429', async () => {
    rig = await startRig({ org: ORG, faults: [{ kind: 'rate-limit', endpoints: ['users-search'], from: 3, count: 15 }] });
    const users = await walkUsers(rig, rig.directoryIds[0] ?? '');
    sameIds(users, rig);
    expect(tooManyRequests(rig.sim)).toBe(15);
    // 15 consecutive 429s outlast one request's 6 attempts: the work was re-queued and resumed at its cursor.
    expect(rig.requeues.count).toBe(2);
  });

  it('recovers from a 429 storm without Retry-After on the fallback endpoint', async () => {
    rig = await startRig({
      org: ORG,
      faults: [{ kind: 'rate-limit', endpoints: ['last-active-dates'], from: 10, count: 40, retryAfterSeconds: null }],
    });
    const accountIds = rig.sim.state.org.users.slice(0, 120).map((u) => u.accountId);
    const activity = await Promise.all(accountIds.map((id) => resumable(rig, () => rig.gateway.lastActiveDates(rig.orgId, id))));
    expect(activity.map((a) => a.accountId)).toEqual(accountIds);
    expect(tooManyRequests(rig.sim)).toBe(40);
    for (const a of activity) {
      const truth = rig.sim.state.entry(rig.sim.state.user(a.accountId)!).products.filter((p) => p.lastActiveAt !== null);
      expect(a.products.map((p) => p.resourceId).sort()).toEqual(truth.map((p) => p.resourceId).sort());
    }
  });
});
