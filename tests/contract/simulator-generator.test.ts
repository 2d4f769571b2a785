import { generateOrg, SimulatorState, statusOf } from '../../dev/admin-api-simulator';
import { ORG_NOW } from './simulator.harness';

/** The seeded organization: reproducible, realistic in shape, and cheap at 100,000 users. */
const DAY = 86_400_000;

describe('generateOrg', () => {
  it('is deterministic: equal options give an equal org, another seed another one', () => {
    const a = generateOrg({ users: 500, now: ORG_NOW, seed: 7 });
    const b = generateOrg({ users: 500, now: ORG_NOW, seed: 7 });
    const c = generateOrg({ users: 500, now: ORG_NOW, seed: 8 });
    const digest = (o: ReturnType<typeof generateOrg>): unknown =>
      new SimulatorState(o, []).directoryEntries().map((e) => ({ ...e, products: e.products.map((p) => ({ ...p, lastActiveAt: p.lastActiveAt?.getTime() ?? null })) }));
    expect(digest(a)).toEqual(digest(b));
    expect(a.workspaces).toEqual(b.workspaces);
    expect(a.groups.map((g) => [g.id, g.name, [...g.members]])).toEqual(b.groups.map((g) => [g.id, g.name, [...g.members]]));
    expect(a.users[10]!.accountId).not.toBe(c.users[10]!.accountId);
  });

  it('uses only `now` for time: activity lies between joining and now', () => {
    const org = generateOrg({ users: 2000, now: ORG_NOW, seed: 'time' });
    const now = Date.parse(ORG_NOW);
    const state = new SimulatorState(org, []);
    let never = 0, recent = 0, old = 0, total = 0;
    for (const u of org.users) {
      expect(u.addedToOrg).toBeLessThanOrEqual(now);
      for (const p of state.entry(u).products) {
        total++;
        const at = p.lastActiveAt?.getTime();
        if (at === undefined) { never++; continue; }
        expect(at).toBeGreaterThanOrEqual(u.addedToOrg);
        expect(at).toBeLessThanOrEqual(now);
        if (now - at < 30 * DAY) recent++;
        if (now - at > 365 * DAY) old++;
      }
    }
    expect(never / total).toBeGreaterThan(0.03);
    expect(recent / total).toBeGreaterThan(0.4);
    expect(old / total).toBeGreaterThan(0.05);
  });

  it('has the mix of accounts, statuses, roles, groups and products the app must handle', () => {
    const org = generateOrg({ users: 5000, now: ORG_NOW, seed: 'mix', sites: 2 });
    const share = (pred: (u: (typeof org.users)[number]) => boolean): number => org.users.filter(pred).length / org.users.length;
    expect(share((u) => u.claimStatus === 'managed')).toBeGreaterThan(0.7);
    expect(share((u) => u.claimStatus === 'unmanaged')).toBeGreaterThan(0.1);
    expect(share((u) => u.email.endsWith(`@${org.domain}`))).toBeCloseTo(share((u) => u.claimStatus === 'managed'), 5);
    expect(share((u) => statusOf(u) === 'suspended')).toBeGreaterThan(0.02);
    expect(share((u) => statusOf(u) === 'deactivated')).toBeGreaterThan(0.01);
    expect(share((u) => u.activityHidden)).toBeGreaterThan(0.01);
    expect(org.users.filter((u) => u.platformRoles.includes('atlassian/org-admin'))).toHaveLength(3);
    expect(new Set(org.users.map((u) => u.email)).size).toBe(org.users.length);
    expect(new Set(org.workspaces.map((w) => w.product))).toEqual(new Set(['jira-software', 'confluence', 'jira-servicedesk', 'bitbucket']));
    expect(org.workspaces.filter((w) => w.product === 'jira-software')).toHaveLength(2);
    expect(org.workspaces.some((w) => w.capacity === null)).toBe(true);
    expect(org.groups.filter((g) => g.grants.length === 0).length).toBe(25);
    expect(org.groups.some((g) => g.synced && g.grants.length > 0)).toBe(true);
    expect(org.others.some((a) => a.accountType === 'app') && org.others.some((a) => a.accountType === 'customer')).toBe(true);
    const state = new SimulatorState(org, []);
    for (const ws of org.workspaces) if (ws.capacity !== null) expect(ws.capacity).toBeGreaterThanOrEqual(state.seats(ws.index));
  });

  it('builds 100,000 users in a few seconds of CPU and modest memory', () => {
    const before = process.memoryUsage().heapUsed;
    const started = process.cpuUsage();
    const org = generateOrg({ users: 100_000, now: ORG_NOW, seed: 'big' });
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    const mb = (process.memoryUsage().heapUsed - before) / 1e6;
    expect(org.users).toHaveLength(100_000);
    expect(org.groups.length).toBeGreaterThanOrEqual(500);
    expect(ms).toBeLessThan(8000);
    expect(mb).toBeLessThan(300);
  });
});
