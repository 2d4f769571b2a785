import { JiraSimulator, expectedRoleMembers, generateSite, type SimResponse } from '../../../dev/jira-simulator';

const json = (r: SimResponse): Record<string, unknown> => JSON.parse(r.body) as Record<string, unknown>;
const valuesOf = (r: SimResponse): Record<string, unknown>[] => json(r).values as Record<string, unknown>[];

describe('Jira/JSM simulator: the site', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generateSite({ seed: 5 });
    const b = generateSite({ seed: 5 });
    const c = generateSite({ seed: 6 });
    expect(expectedRoleMembers(a)).toEqual(expectedRoleMembers(b));
    expect(expectedRoleMembers(a)).not.toEqual(expectedRoleMembers(c));
  });

  it('describes the people and groups it is given (the Admin API simulator’s org)', () => {
    const users = Array.from({ length: 30 }, (_, i) => ({ accountId: `acc-${String(i)}`, displayName: `User ${String(i)}` }));
    const groups = [{ groupId: 'g-1', name: 'team-a', members: users.slice(0, 10).map((u) => u.accountId) }];
    const site = generateSite({ people: { users, groups }, customerAccounts: 0, groupActorsPerRole: [1, 1], projects: 3 });
    expect([...site.people.keys()]).toEqual(users.map((u) => u.accountId));
    expect(site.groups).toEqual([{ groupId: 'g-1', name: 'team-a', members: groups[0]!.members }]);
    const viaGroup = expectedRoleMembers(site).filter((m) => m.viaGroupId === 'g-1').map((m) => m.accountId);
    expect(new Set(viaGroup)).toEqual(new Set(groups[0]!.members));
    expect(site.admins).toEqual(new Set(['acc-0']));
  });
});

describe('Jira/JSM simulator: paging as the documents say', () => {
  const sim = new JiraSimulator({ seed: 3, projects: 130, serviceDesks: 2, groups: 3, users: 400, rateLimit: false });
  const get = (path: string, headers: Record<string, string> = {}): Promise<SimResponse> => sim.handle({ method: 'GET', path, headers });

  it('caps project/search at 100 and reports isLast/nextPage', async () => {
    const first = json(await get('/rest/api/3/project/search?startAt=0&maxResults=500'));
    expect(first).toMatchObject({ maxResults: 100, startAt: 0, total: 130, isLast: false });
    expect(first.nextPage).toContain('startAt=100');
    const last = json(await get('/rest/api/3/project/search?startAt=100&maxResults=100'));
    expect(last).toMatchObject({ isLast: true, total: 130 });
    expect(last.nextPage).toBeUndefined();
    expect((last.values as unknown[]).length).toBe(30);
  });

  it('caps group/member at 50 and refuses maxResults < 1, unknown groups and a missing group', async () => {
    const group = sim.site.groups.find((g) => g.members.length > 60)!;
    const page = json(await get(`/rest/api/3/group/member?groupId=${group.groupId}&includeInactiveUsers=true&maxResults=80`));
    expect(page).toMatchObject({ maxResults: 50, startAt: 0, total: group.members.length, isLast: false });
    expect((await get(`/rest/api/3/group/member?groupId=${group.groupId}&maxResults=0`)).status).toBe(400);
    expect((await get('/rest/api/3/group/member?groupId=nope')).status).toBe(404);
    expect((await get('/rest/api/3/group/member')).status).toBe(400);
  });

  it('leaves inactive group members out unless includeInactiveUsers=true', async () => {
    const group = sim.site.groups.find((g) => g.members.some((m) => sim.site.people.get(m)?.active === false))!;
    const all = json(await get(`/rest/api/3/group/member?groupId=${group.groupId}&includeInactiveUsers=true`)).total;
    const active = json(await get(`/rest/api/3/group/member?groupId=${group.groupId}`)).total;
    expect(active).toBeLessThan(all as number);
  });

  it('echoes the JSM limit but caps size at 50, with isLastPage and _links', async () => {
    const desk = sim.site.serviceDesks.find((d) => d.customers.length > 50) ?? sim.site.serviceDesks[0]!;
    const path = `/rest/servicedeskapi/servicedesk/${desk.id}/customer?start=0&limit=200`;
    const page = json(await get(path, { 'X-ExperimentalApi': 'opt-in' }));
    expect(page.limit).toBe(200);
    expect(page.size).toBe(Math.min(50, desk.customers.length));
    expect(page.isLastPage).toBe(desk.customers.length <= 50);
  });

  it('answers 412 to the experimental customer list without X-ExperimentalApi: opt-in', async () => {
    const r = await get(`/rest/servicedeskapi/servicedesk/${sim.site.serviceDesks[0]!.id}/customer`);
    expect(r.status).toBe(412);
    expect(json(r)).toMatchObject({ i18nErrorMessage: { i18nKey: 'sd.experimental.api.opt.in' } });
  });

  it('lists role URLs whose last segment is the role id, and actors of both kinds', async () => {
    const project = sim.site.projects[0]!;
    const roles = json(await get(`/rest/api/3/project/${project.key}/role`));
    expect(Object.keys(roles)).toEqual(project.roles.map((r) => r.name));
    const role = project.roles[0]!;
    const body = json(await get(`/rest/api/3/project/${project.key}/role/${String(role.id)}`));
    expect((body.actors as unknown[]).length).toBe(role.actors.length);
    expect((await get(`/rest/api/3/project/NOPE/role`)).status).toBe(404);
  });

  it('answers mypermissions per caller', async () => {
    const admin = [...sim.site.admins][0]!;
    const other = [...sim.site.people.values()].find((p) => !sim.site.admins.has(p.accountId))!.accountId;
    const have = async (accountId: string | null): Promise<unknown> =>
      (json(await sim.handle({ method: 'GET', path: '/rest/api/3/mypermissions?permissions=ADMINISTER', accountId })).permissions as Record<string, Record<string, unknown>>).ADMINISTER?.havePermission;
    expect(await have(admin)).toBe(true);
    expect(await have(other)).toBe(false);
    expect(await have(null)).toBe(true);
    expect((await get('/rest/api/3/mypermissions')).status).toBe(400);
  });

  it('lists organization users ordered by account id', async () => {
    const org = sim.site.organizations.find((o) => o.members.length > 1)!;
    const ids = valuesOf(await get(`/rest/servicedeskapi/organization/${org.id}/user`)).map((u) => u.accountId as string);
    expect(ids).toEqual([...ids].sort());
  });
});
