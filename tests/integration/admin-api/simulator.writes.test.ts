import { DEFAULT_KEYS } from '../../../dev/admin-api-simulator';
import { rejection } from './support/client';
import { SIM_NOW, startRig, walkUsers, type SimRig } from './support/simulator';

jest.setTimeout(60_000);

/* Reads and writes against the simulator's organization: the mapping matches its truth, writes change its state. */

const ORG = { users: 120, now: SIM_NOW, seed: 'writes' };

describe('Admin API client against the simulated organization', () => {
  let rig: SimRig;
  beforeEach(async () => {
    rig = await startRig({ org: ORG });
  });
  afterEach(() => rig.stop());

  const directoryId = (): string => rig.directoryIds[0] ?? '';
  const userNamed = (pick: (u: SimRig['sim']['state']['org']['users'][number]) => boolean) => {
    const u = rig.sim.state.org.users.find(pick);
    if (!u) throw new Error('no such user in the generated org');
    return u;
  };

  it('maps every user as the simulator knows them; known activity matches its truth to the millisecond', async () => {
    const users = await walkUsers(rig, directoryId());
    for (const user of users) {
      const truth = rig.sim.state.entry(rig.sim.state.user(user.accountId)!);
      expect(user.managed).toBe(truth.claimStatus === 'managed');
      expect(user.accountStatus === 'active' && user.membershipStatus === 'suspended').toBe(truth.status === 'suspended');
      expect(user.groups.map((g) => g.id.replace('ari:cloud:identity::group/', '')).sort()).toEqual([...truth.groupIds].sort());
      if (!user.activityKnown) continue;
      expect(user.productAccess.map((p) => [p.resourceId, p.lastActiveAt?.getTime()]).sort()).toEqual(
        truth.products.map((p) => [p.resourceId, p.lastActiveAt?.getTime()]).sort(),
      );
    }
    expect(users.some((u) => !u.activityKnown)).toBe(true);
  });

  it('lists the org, its directory, products with seats, and the key expiry by label', async () => {
    await expect(rig.gateway.listOrgs()).resolves.toEqual([{ id: rig.orgId, name: rig.sim.state.org.name }]);
    await expect(rig.gateway.listDirectories(rig.orgId)).resolves.toHaveLength(1);
    const products = await rig.gateway.listProducts(rig.orgId);
    expect(products.map((p) => p.resourceId).sort()).toEqual(rig.sim.state.org.workspaces.map((w) => w.id).sort());
    const key = rig.sim.state.keys.find((k) => k.token === DEFAULT_KEYS.valid)!;
    await expect(rig.gateway.apiKeyExpiry(rig.orgId, key.label)).resolves.toEqual(new Date(key.expiresAt));
  });

  it('suspends and restores a user; the change shows in the next read', async () => {
    const target = userNamed((u) => u.accountStatus === 'active' && u.membershipStatus === 'active' && u.platformRoles.length === 0);
    await rig.gateway.suspendUser(rig.orgId, directoryId(), target.accountId);
    const after = (await walkUsers(rig, directoryId())).find((u) => u.accountId === target.accountId);
    expect(after?.membershipStatus).toBe('suspended');
    await rig.gateway.restoreUser(rig.orgId, directoryId(), target.accountId);
    const restored = (await walkUsers(rig, directoryId())).find((u) => u.accountId === target.accountId);
    expect(restored?.membershipStatus).toBe('active');
  });

  it('deactivates a managed account; an external one is refused with the reason', async () => {
    const managed = userNamed((u) => u.claimStatus === 'managed' && u.managementSource !== 'synced' && u.accountStatus === 'active');
    await rig.gateway.deactivateAccount(managed.accountId, 'Inactive for 180 days');
    expect(rig.sim.state.user(managed.accountId)?.accountStatus).toBe('inactive');
    await rig.gateway.reactivateAccount(managed.accountId);
    expect(rig.sim.state.user(managed.accountId)?.accountStatus).toBe('active');
    const external = userNamed((u) => u.claimStatus === 'unmanaged');
    await expect(rejection(rig.gateway.deactivateAccount(external.accountId))).resolves.toMatchObject({
      code: 'API_KEY_FORBIDDEN',
      details: { reason: 'forbidden.action: managedAccount' },
    });
  });

  it('removes a group member idempotently', async () => {
    const group = rig.sim.state.org.groups.find((g) => !g.synced && !g.isDefault && g.grants.length === 0 && g.members.size > 0)!;
    const user = userNamed((u) => group.members.has(u.index));
    await rig.gateway.removeGroupMember(rig.orgId, directoryId(), group.id, user.accountId);
    await rig.gateway.removeGroupMember(rig.orgId, directoryId(), group.id, user.accountId); // 404: already gone
    expect(group.members.has(user.index)).toBe(false);
  });

  it('adds a group member; adding again answers a 409 without a body (CONFLICT: the caller reads live); an unknown group is NOT_FOUND', async () => {
    const group = rig.sim.state.org.groups.find((g) => !g.synced && !g.isDefault && g.grants.length === 0)!;
    const user = userNamed((u) => !group.members.has(u.index) && u.directory === group.directory);
    await rig.gateway.addGroupMember(rig.orgId, directoryId(), group.id, user.accountId);
    await expect(rejection(rig.gateway.addGroupMember(rig.orgId, directoryId(), group.id, user.accountId))).resolves.toMatchObject({ code: 'CONFLICT' });
    expect(group.members.has(user.index)).toBe(true);
    await expect(rejection(rig.gateway.addGroupMember(rig.orgId, directoryId(), 'no-such-group', user.accountId))).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an expired key is API_KEY_REJECTED; a key with scopes cannot read API keys (expiry unknown)', async () => {
    await rig.stop();
    rig = await startRig({ org: ORG }, { apiKey: () => Promise.resolve(DEFAULT_KEYS.expired) });
    await expect(rejection(rig.gateway.listOrgs())).resolves.toMatchObject({ code: 'API_KEY_REJECTED' });
    await rig.stop();
    rig = await startRig({ org: ORG }, { apiKey: () => Promise.resolve(DEFAULT_KEYS.scoped) });
    await expect(rig.gateway.apiKeyExpiry(rig.orgId, 'read-only-scoped')).resolves.toBeNull();
    await expect(rejection(rig.gateway.searchUsers(rig.orgId, directoryId(), null))).resolves.toMatchObject({
      code: 'API_KEY_FORBIDDEN',
      details: { apiCode: 'ADMIN-403-3' },
    });
  });
});
