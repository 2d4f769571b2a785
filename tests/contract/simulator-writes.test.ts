import { statusOf } from '../../dev/admin-api-simulator';
import { call, contractErrors, createSimulator, list, obj } from './simulator.harness';
import { fixtures } from './simulator.operations';

jest.setTimeout(60_000);

/** Writes change the directory and later reads (over HTTP and through `state`) reflect them. */
const sim = createSimulator();
beforeAll(() => sim.start());
afterAll(() => sim.stop());

async function searchOne(accountId: string): Promise<Record<string, unknown>> {
  const { org } = sim.state;
  const path = `/admin/v2/orgs/${org.id}/directories/-/users/search`;
  const res = await call(sim, 'POST', path, { body: { accountIds: [accountId], expand: ['productAccess', 'groups'] } });
  expect(await contractErrors('POST', path, res)).toEqual([]);
  const [user] = list(obj(res.body).data);
  return user!;
}

it('suspend and restore flip the status users/search reports', async () => {
  const f = fixtures(sim);
  const base = `/admin/v2/orgs/${f.orgId}/directories/${f.dirId}/users/${f.managed.accountId}`;
  expect((await call(sim, 'POST', `${base}/suspend`)).status).toBe(204);
  expect((await call(sim, 'POST', `${base}/suspend`)).status).toBe(204);
  expect(await searchOne(f.managed.accountId)).toMatchObject({ status: 'suspended', membershipStatus: 'suspended' });
  expect(statusOf(f.managed)).toBe('suspended');
  expect((await call(sim, 'POST', `${base}/restore`)).status).toBe(204);
  expect(await searchOne(f.managed.accountId)).toMatchObject({ status: 'active', membershipStatus: 'active' });
});

it('disable and enable flip the account status', async () => {
  const f = fixtures(sim);
  expect((await call(sim, 'POST', `/users/${f.managed.accountId}/manage/lifecycle/disable`, { body: {} })).status).toBe(204);
  expect(await searchOne(f.managed.accountId)).toMatchObject({ status: 'deactivated', accountStatus: 'inactive' });
  expect((await call(sim, 'POST', `/users/${f.managed.accountId}/manage/lifecycle/enable`)).status).toBe(204);
  expect(await searchOne(f.managed.accountId)).toMatchObject({ status: 'active', accountStatus: 'active' });
});

it('membership add/remove changes groups, productAccess and counts', async () => {
  const f = fixtures(sim);
  const { org } = sim.state;
  const user = org.users.find((u) => u.directory === f.jiraUsers.directory && !f.jiraUsers.members.has(u.index)
    && !u.groups.some((g) => org.groups[g]?.grants.some((x) => x.workspace === f.jiraUsers.grants[0]!.workspace)))!;
  const jira = org.workspaces[f.jiraUsers.grants[0]!.workspace]!;
  const dir = `/admin/v2/orgs/${f.orgId}/directories/${f.dirId}`;
  const seatsBefore = sim.state.seats(jira.index);
  const members = f.jiraUsers.members.size;
  expect((await call(sim, 'POST', `${dir}/groups/${f.jiraUsers.id}/memberships`, { body: { accountId: user.accountId } })).status).toBe(204);
  const after = await searchOne(user.accountId);
  expect(list(after.groups).map((g) => g.id)).toContain(`ari:cloud:identity::group/${f.jiraUsers.id}`);
  expect(list(after.productAccess).map((p) => p.id)).toContain(jira.id);
  expect(f.jiraUsers.members.size).toBe(members + 1);
  expect(sim.state.groupEntries().find((g) => g.id === f.jiraUsers.id)?.memberIds).toContain(user.accountId);
  expect(sim.state.entry(user).groupIds).toContain(f.jiraUsers.id);
  expect(sim.state.seats(jira.index)).toBe(seatsBefore + (statusOf(user) === 'active' ? 1 : 0));
  const groups = await call(sim, 'POST', `${dir}/groups/search`, { body: { groupIds: [f.jiraUsers.id], expand: ['counts.users'] } });
  expect(list(obj(groups.body).data)[0]).toMatchObject({ counts: { users: members + 1 } });
  expect((await call(sim, 'DELETE', `${dir}/groups/${f.jiraUsers.id}/memberships/${user.accountId}`)).status).toBe(204);
  expect(list((await searchOne(user.accountId)).productAccess).map((p) => p.id)).not.toContain(jira.id);
  expect(sim.state.seats(jira.index)).toBe(seatsBefore);
});

it('roles assign/revoke grant and take back product access; a full workspace answers 409', async () => {
  const f = fixtures(sim);
  const { org } = sim.state;
  const bitbucket = org.workspaces.find((w) => w.product === 'bitbucket')!;
  const user = org.users.find((u) => statusOf(u) === 'active' && !sim.state.entry(u).products.some((p) => p.resourceId === bitbucket.id))!;
  const path = (verb: string): string => `/admin/v1/orgs/${f.orgId}/users/${user.accountId}/roles/${verb}`;
  const body = { role: 'atlassian/user', resource: bitbucket.id };
  bitbucket.capacity = sim.state.seats(bitbucket.index);
  const full = await call(sim, 'POST', path('assign'), { body });
  expect(full.status).toBe(409);
  expect(await contractErrors('POST', path('assign'), full)).toEqual([]);
  bitbucket.capacity += 1;
  expect((await call(sim, 'POST', path('assign'), { body })).status).toBe(204);
  expect(list((await searchOne(user.accountId)).productAccess).map((p) => p.id)).toContain(bitbucket.id);
  expect((await call(sim, 'POST', path('revoke'), { body })).status).toBe(204);
  expect(list((await searchOne(user.accountId)).productAccess).map((p) => p.id)).not.toContain(bitbucket.id);
});

it('membership add answers 409 (no body) when a granted product has no free seat', async () => {
  const f = fixtures(sim);
  const { org } = sim.state;
  const ws = org.workspaces[f.jiraUsers.grants[0]!.workspace]!;
  const user = org.users.find((u) => statusOf(u) === 'active' && u.directory === f.jiraUsers.directory
    && !sim.state.entry(u).products.some((p) => p.resourceId === ws.id))!;
  const saved = ws.capacity;
  ws.capacity = sim.state.seats(ws.index);
  const path = `/admin/v2/orgs/${f.orgId}/directories/${f.dirId}/groups/${f.jiraUsers.id}/memberships`;
  const res = await call(sim, 'POST', path, { body: { accountId: user.accountId } });
  ws.capacity = saved;
  expect(res.status).toBe(409);
  expect(res.body).toBeUndefined();
  expect(await contractErrors('POST', path, res)).toEqual([]);
});

it('records every write in events-stream, and the end cursor polls only new events', async () => {
  const f = fixtures(sim);
  const path = `/admin/v1/orgs/${f.orgId}/events-stream?limit=500`;
  const first = obj((await call(sim, 'GET', path)).body);
  const cursor = String(obj(first.meta).next);
  const again = await call(sim, 'GET', `/admin/v1/orgs/${f.orgId}/events-stream?cursor=${cursor}`);
  expect(list(obj(again.body).data)).toEqual([]);
  await call(sim, 'POST', `/admin/v2/orgs/${f.orgId}/directories/${f.dirId}/users/${f.managed.accountId}/suspend`);
  const polled = await call(sim, 'GET', `/admin/v1/orgs/${f.orgId}/events-stream?cursor=${cursor}`);
  expect(await contractErrors('GET', `/admin/v1/orgs/${f.orgId}/events-stream`, polled)).toEqual([]);
  const events = list(obj(polled.body).data);
  expect(events.map((e) => obj(e.attributes).action)).toEqual(['user_suspended']);
  expect(list(obj(events[0]!.attributes).context)[0]).toMatchObject({ id: f.managed.accountId, type: 'users' });
  await call(sim, 'POST', `/admin/v2/orgs/${f.orgId}/directories/${f.dirId}/users/${f.managed.accountId}/restore`);
});
