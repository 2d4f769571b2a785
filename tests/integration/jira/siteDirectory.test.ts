import { useForgeRuntime } from '../../support/forgeRuntime';
import { expectedCustomers, expectedRoleMembers } from '../../../dev/jira-simulator';
import { DomainError } from '../../../src/domain/model/errors';
import { connect, mergeCustomers, sortedJson, walkAll } from './support/siteHarness';

const rt = useForgeRuntime({ sql: false });

const SITE = { seed: 21, users: 300, groups: 6, projects: 14, serviceDesks: 4, organizations: 8, organizationSize: [0, 120] as const, customersPerDesk: [10, 140] as const, rateLimit: false as const };

describe('JiraSiteDirectory through @forge/api requestJira against the simulator', () => {
  it('reads every project role member, group actors expanded across group/member pages', async () => {
    const { sim, directory } = connect(rt, { ...SITE, record: true });
    const { items } = await walkAll((c) => directory.projectRoleMembers(c));
    expect(sortedJson(items)).toEqual(sortedJson(expectedRoleMembers(sim.site)));
    expect(items.some((i) => i.viaGroupId !== null)).toBe(true);
    const memberPages = sim.exchanges.filter((e) => e.operation === 'getUsersFromGroup');
    expect(memberPages.some((e) => e.path.includes('startAt=50'))).toBe(true);
    expect(memberPages.every((e) => e.path.includes('includeInactiveUsers=true'))).toBe(true);
  });

  it('reads customers of every desk, directly and through organizations, with the experimental opt-in', async () => {
    const { sim, directory } = connect(rt, { ...SITE, record: true });
    const { items } = await walkAll((c) => directory.serviceDeskCustomers(c));
    expect(sortedJson(mergeCustomers(items))).toEqual(sortedJson(expectedCustomers(sim.site)));
    const customerCalls = sim.exchanges.filter((e) => e.operation === 'getCustomers');
    expect(customerCalls.length).toBeGreaterThan(sim.site.serviceDesks.length);
    expect(customerCalls.every((e) => e.requestHeaders['x-experimentalapi'] === 'opt-in' && e.status === 200)).toBe(true);
    expect(sim.exchanges.some((e) => e.operation === 'getUsersInOrganization' && e.path.includes('start=50'))).toBe(true);
  });

  it('names customers and their organizations as JSM gives them, so no row shows a bare ID (U3)', async () => {
    const { sim, directory } = connect(rt, SITE);
    const { items } = await walkAll((c) => directory.serviceDeskCustomers(c));
    const orgNames = new Map(sim.site.organizations.map((o) => [o.id, o.name]));
    expect(items.some((i) => i.organizationIds.length > 0)).toBe(true);
    for (const item of items) {
      const person = sim.site.people.get(item.accountId);
      expect([item.displayName, item.email]).toEqual([person?.displayName, person?.email ?? null]);
      expect(item.organizationNames).toEqual(Object.fromEntries(item.organizationIds.map((id) => [id, orgNames.get(id)])));
    }
  });

  it('stops each page within its budget and resumes from the cursor to the same result', async () => {
    const whole = connect(rt, SITE);
    const all = await walkAll((c) => whole.directory.projectRoleMembers(c));
    const small = connect(rt, SITE, { pageSize: 7, maxCallsPerPage: 2 });
    const sizes: number[] = [];
    const sliced = await walkAll(async (c) => {
      const before = small.sim.totalRequests();
      const page = await small.directory.projectRoleMembers(c);
      expect(small.sim.totalRequests() - before).toBeLessThanOrEqual(2);
      sizes.push(page.items.length);
      return page;
    });
    expect(sortedJson(sliced.items)).toEqual(sortedJson(all.items));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7 + 49);
    expect(Math.max(...sliced.cursors.map((c) => c.length))).toBeLessThan(1024);
    const customers = await walkAll((c) => small.directory.serviceDeskCustomers(c));
    expect(sortedJson(mergeCustomers(customers.items))).toEqual(sortedJson(expectedCustomers(small.sim.site)));
    expect(customers.pages).toBeGreaterThan(10);
  });

  it('refuses a cursor it did not make, or one of the other walk', async () => {
    const { directory } = connect(rt, SITE, { pageSize: 1 });
    const { next } = await directory.projectRoleMembers(null);
    await expect(directory.serviceDeskCustomers(next)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(directory.projectRoleMembers('not-a-cursor')).rejects.toBeInstanceOf(DomainError);
  });

  it('skips a project role that disappears mid-walk (404) and keeps the rest', async () => {
    const { sim, directory } = connect(rt, SITE);
    sim.inject({ status: 404, times: 1, operation: 'getProjectRole' });
    const { items } = await walkAll((c) => directory.projectRoleMembers(c));
    const project = sim.site.projects[0]!;
    const firstRole = [...project.roles].sort((a, b) => a.id - b.id)[0]!;
    const expected = expectedRoleMembers(sim.site).filter((m) => !(m.projectKey === project.key && m.roleName === firstRole.name));
    expect(sortedJson(items)).toEqual(sortedJson(expected));
  });

  it('counts every attempt through onAttempt, as the simulator does', async () => {
    let attempts = 0;
    const { sim, directory } = connect(rt, { ...SITE, faults: { seed: 3, serverErrorRate: 0.05 } }, { onAttempt: () => { attempts += 1; } });
    await walkAll((c) => directory.serviceDeskCustomers(c));
    expect(attempts).toBe(sim.totalRequests());
  });
});
