import { useForgeRuntime } from '../../support/forgeRuntime';
import { AdminApiSimulator, DEFAULT_KEYS, statusOf } from '../../../dev/admin-api-simulator';
import { followRuntimeClock } from '../../../dev/forge-runtime';
import { adminApiEgress } from '../../../dev/preview-host/egressProxy';
import { passDays, previewClock } from '../../../dev/preview-host/previewClock';
import { createAdminApiGateway } from '../../../src/adapters/admin-api';
import { systemClock } from '../../../src/composition';

/**
 * The preview's "+1 day" as the app sees it: its own clock a day later, and the per-user activity it reads live from
 * the Admin API moved the way a day of use moves it (regulars stay current, the inactive age).
 */
const DAY = 86_400_000;
jest.setTimeout(60_000);

const sim = new AdminApiSimulator({ org: { users: 200, now: new Date().toISOString(), seed: 'preview-clock' }, clock: () => Date.now() });
const rt = useForgeRuntime({ sql: false });
let undo: () => void = () => undefined;

beforeAll(async () => {
  const url = await sim.start();
  rt.setEgressHandler(adminApiEgress(url, url));
  undo = followRuntimeClock(rt.runtime.clock);
});
afterAll(async () => {
  undo();
  await sim.stop();
});

const lastSeen = async (accountId: string): Promise<number | null> => {
  const gateway = createAdminApiGateway({ apiKey: () => Promise.resolve(DEFAULT_KEYS.valid) });
  const activity = await gateway.lastActiveDates(sim.state.org.id, accountId);
  const times = activity.products.flatMap((p) => (p.lastActiveAt === null ? [] : [p.lastActiveAt.getTime()]));
  return times.length === 0 ? null : Math.max(...times);
};

describe('passDays (the preview toolbar\'s "+1 day")', () => {
  it('moves the app\'s clock and the simulated activity forward together', async () => {
    const { org } = sim.state;
    const latest = (u: (typeof org.users)[number]): number => Math.max(0, ...org.workspaces.map((w) => sim.state.lastActive(u, w.index) ?? 0));
    const regular = org.users.find((u) => statusOf(u) === 'active' && org.now - latest(u) < DAY);
    const idle = org.users.find((u) => statusOf(u) === 'active' && latest(u) > 0 && org.now - latest(u) > 60 * DAY);
    if (regular === undefined || idle === undefined) throw new Error('the seeded org lacks a regular or an idle user');
    const [regularBefore, idleBefore] = [await lastSeen(regular.accountId), await lastSeen(idle.accountId)];
    const appBefore = systemClock.now().getTime();
    expect(previewClock(rt.runtime).daysAhead).toBe(0);

    const status = passDays({ runtime: rt.runtime, adminApi: sim }, 1);

    expect(status.daysAhead).toBe(1);
    expect(systemClock.now().getTime() - appBefore).toBeGreaterThanOrEqual(DAY);
    expect(Date.parse(status.now) - appBefore).toBeGreaterThanOrEqual(DAY);
    expect(await lastSeen(regular.accountId)).toBe((regularBefore ?? 0) + DAY);
    expect(await lastSeen(idle.accountId)).toBe(idleBefore);
    expect(() => passDays({ runtime: rt.runtime, adminApi: sim }, 0)).toThrow(RangeError);
  });
});
