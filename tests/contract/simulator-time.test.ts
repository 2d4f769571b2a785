import { generateOrg, REGULAR_WITHIN_MS, SimulatorState, statusOf } from '../../dev/admin-api-simulator';
import { ORG_NOW } from './simulator.harness';

/** Time passing in the simulated organization (the preview's "+1 day"): regulars stay current, the rest ages. */
const DAY = 86_400_000;

describe('SimulatorState.passTime', () => {
  it('moves "today" and the activity of active regulars forward by as much; everyone else ages', () => {
    const org = generateOrg({ users: 1500, now: ORG_NOW, seed: 'time-passes' });
    const state = new SimulatorState(org, []);
    const before = Float64Array.from(org.lastActive);
    const start = org.now;
    state.passTime(DAY);
    expect(org.now).toBe(start + DAY);
    const width = org.workspaces.length;
    let regulars = 0, aged = 0, frozen = 0;
    for (const user of org.users) {
      for (let w = 0; w < width; w++) {
        const slot = user.index * width + w;
        const was = before[slot]!, is = org.lastActive[slot]!;
        if (Number.isNaN(was)) { expect(is).toBeNaN(); continue; }
        const regular = statusOf(user) === 'active' && start - was < REGULAR_WITHIN_MS;
        expect(is).toBe(regular ? was + DAY : was);
        expect(is).toBeLessThanOrEqual(org.now);
        if (regular) regulars++;
        else if (statusOf(user) === 'active') aged++;
        else if (start - was < REGULAR_WITHIN_MS) frozen++;
      }
    }
    expect(regulars).toBeGreaterThan(100);
    expect(aged).toBeGreaterThan(100);
    expect(frozen).toBeGreaterThan(0);
  });

  it('shows the new activity through the directory views and refuses to go back', () => {
    const org = generateOrg({ users: 300, now: ORG_NOW, seed: 'views' });
    const state = new SimulatorState(org, []);
    const regular = org.users.find((u) => statusOf(u) === 'active' && state.lastActive(u, 0) !== null && org.now - state.lastActive(u, 0)! < DAY);
    if (regular === undefined) throw new Error('the seeded org has no daily regular');
    const first = org.workspaces[0]!.id;
    const shown = (): number | undefined => state.entry(regular).products.find((p) => p.resourceId === first)?.lastActiveAt?.getTime();
    const seen = shown();
    state.passTime(3 * DAY);
    expect(seen).toBeDefined();
    expect(shown()! - seen!).toBe(3 * DAY);
    expect(() => { state.passTime(-1); }).toThrow(RangeError);
  });
});
