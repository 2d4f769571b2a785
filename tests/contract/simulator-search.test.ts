import { call, contractErrors, createSimulator, list, obj, ORG_NOW } from './simulator.harness';
import { fixtures } from './simulator.operations';

jest.setTimeout(60_000);

/** Paging and filters of the read endpoints, and what users/search and last-active-dates say about activity. */
const sim = createSimulator({ org: { users: 250, now: ORG_NOW, seed: 'search', sites: 3, directories: 2 } });
beforeAll(() => sim.start());
afterAll(() => sim.stop());

async function walk(path: string, first: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let body = first;
  for (;;) {
    const res = await call(sim, 'POST', path, { body });
    expect(await contractErrors('POST', path, res)).toEqual([]);
    const page = obj(res.body);
    out.push(...list(page.data));
    const next = obj(page.links).next;
    if (typeof next !== 'string') return out;
    body = { cursor: next };
  }
}

describe('users/search', () => {
  it('walks all directories with `-` and one directory with its id, in a stable order', async () => {
    const { org } = sim.state;
    const all = await walk(`/admin/v2/orgs/${org.id}/directories/-/users/search`, { limit: 100 });
    expect(all.map((u) => u.accountId)).toEqual(org.users.map((u) => u.accountId));
    const second = org.directories[1]!;
    const mine = await walk(`/admin/v2/orgs/${org.id}/directories/${second.id}/users/search`, { limit: 7 });
    expect(mine.map((u) => u.accountId)).toEqual(org.users.filter((u) => u.directory === 1).map((u) => u.accountId));
  });

  it('filters by status, claim status, group, resource, email and search term', async () => {
    const { org } = sim.state;
    const path = `/admin/v2/orgs/${org.id}/directories/-/users/search`;
    const count = async (body: Record<string, unknown>): Promise<number> => (await walk(path, { ...body, limit: 100 })).length;
    expect(await count({ status: ['suspended'] })).toBe(org.users.filter((u) => u.membershipStatus === 'suspended' && u.accountStatus === 'active').length);
    expect(await count({ claimStatus: 'managed' })).toBe(org.users.filter((u) => u.claimStatus === 'managed').length);
    const group = org.groups.find((g) => g.members.size > 3)!;
    expect(await count({ groupIds: [`ari:cloud:identity::group/${group.id}`] })).toBe(group.members.size);
    const jsm = org.workspaces.find((w) => w.product === 'jira-servicedesk')!;
    expect(await count({ resourceIds: [jsm.id] })).toBe(sim.state.directoryEntries().filter((e) => e.products.some((p) => p.resourceId === jsm.id)).length);
    const someone = org.users[17]!;
    expect((await walk(path, { emails: [someone.email.toUpperCase()] })).map((u) => u.accountId)).toEqual([someone.accountId]);
    expect(await count({ searchTerm: someone.name.split(' ')[1]!.toLowerCase() })).toBeGreaterThanOrEqual(1);
  });

  it('sorts by nickname', async () => {
    const { org } = sim.state;
    const users = await walk(`/admin/v2/orgs/${org.id}/directories/-/users/search`, { limit: 100, sortBy: [{ field: 'nick_name', direction: 'desc' }] });
    const names = users.map((u) => String(u.nickname));
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    expect(users).toHaveLength(org.users.length);
  });

  it('gives prev cursors that lead back to the previous page', async () => {
    const { org } = sim.state;
    const path = `/admin/v2/orgs/${org.id}/directories/-/users/search`;
    const p1 = obj((await call(sim, 'POST', path, { body: { limit: 10 } })).body);
    const p2 = obj((await call(sim, 'POST', path, { body: { cursor: obj(p1.links).next } })).body);
    const back = obj((await call(sim, 'POST', path, { body: { cursor: obj(p2.links).prev } })).body);
    expect(back.data).toEqual(p1.data);
  });
});

describe('activity', () => {
  it('omits lastActiveTimestamp for hidden users; last-active-dates has their data', async () => {
    const { org } = sim.state;
    const hidden = org.users.find((u) => u.activityHidden && sim.state.entry(u).products.some((p) => p.lastActiveAt !== null))!;
    const res = await call(sim, 'POST', `/admin/v2/orgs/${org.id}/directories/-/users/search`, { body: { accountIds: [hidden.accountId], expand: ['productAccess'] } });
    const access = list(list(obj(res.body).data)[0]!.productAccess);
    expect(access.length).toBeGreaterThan(0);
    expect(access.every((p) => p.lastActiveTimestamp === undefined)).toBe(true);
    const path = `/admin/v1/orgs/${org.id}/directory/users/${hidden.accountId}/last-active-dates`;
    const fallback = await call(sim, 'GET', path);
    expect(await contractErrors('GET', path, fallback)).toEqual([]);
    const expected = sim.state.entry(hidden).products.filter((p) => p.lastActiveAt !== null);
    const got = list(obj(obj(fallback.body).data).product_access);
    expect(got.map((p) => p.id)).toEqual(expected.map((p) => p.resourceId));
    expect(got.map((p) => Date.parse(String(p.last_active_timestamp)))).toEqual(expected.map((p) => Math.floor(p.lastActiveAt!.getTime() / 1000) * 1000));
  });

  it('pages last-active-dates when a user has more products than a page holds', async () => {
    const { org } = sim.state;
    const busy = org.users.find((u) => sim.state.entry(u).products.filter((p) => p.lastActiveAt !== null).length > 5)!;
    const path = `/admin/v1/orgs/${org.id}/directory/users/${busy.accountId}/last-active-dates`;
    const first = obj((await call(sim, 'GET', path)).body);
    const next = String(obj(first.links).next);
    const second = await call(sim, 'GET', `${path}?cursor=${next}`);
    expect(await contractErrors('GET', path, second)).toEqual([]);
    const ids = [...list(obj(first.data).product_access), ...list(obj(obj(second.body).data).product_access)].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(sim.state.entry(busy).products.filter((p) => p.lastActiveAt !== null).length);
  });
});

describe('groups, roles, workspaces', () => {
  it('groups/search pages, filters by member and name, and role-assignments name the product', async () => {
    const { org } = sim.state;
    const f = fixtures(sim);
    const path = `/admin/v2/orgs/${org.id}/directories/-/groups/search`;
    expect((await walk(path, { limit: 3 })).length).toBe(org.groups.length);
    const byMember = await walk(path, { accountIds: [f.managed.accountId] });
    expect(byMember.map((g) => g.id).sort()).toEqual(f.managed.groups.map((g) => org.groups[g]!.id).sort());
    expect((await walk(path, { groupNames: [f.jiraUsers.name.toUpperCase()] })).map((g) => g.id)).toEqual([f.jiraUsers.id]);
    const roles = await call(sim, 'GET', `/admin/v2/orgs/${org.id}/directories/-/groups/${f.jiraUsers.id}/role-assignments`);
    expect(list(obj(roles.body).data)).toEqual([expect.objectContaining({ roles: ['atlassian/user'], defaultRole: 'atlassian/user' })]);
  });

  it('workspaces lists every product with capacity and filters by type', async () => {
    const { org } = sim.state;
    const path = `/admin/v2/orgs/${org.id}/workspaces`;
    const all = list(obj((await call(sim, 'POST', path, { body: { limit: 1000 } })).body).data);
    expect(all.map((w) => w.id)).toEqual(org.workspaces.map((w) => w.id));
    const res = await call(sim, 'POST', path, { body: { query: { and: [{ field: { name: 'attributes.type', values: ['confluence'] } }] }, limit: 2 } });
    expect(await contractErrors('POST', path, res)).toEqual([]);
    const page = obj(res.body);
    expect(obj(page.meta).total).toBe(3);
    const rest = obj((await call(sim, 'POST', path, { body: { cursor: obj(page.links).next } })).body);
    expect([...list(page.data), ...list(rest.data)].map((w) => obj(w.attributes).typeKey)).toEqual(['confluence', 'confluence', 'confluence']);
  });
});
