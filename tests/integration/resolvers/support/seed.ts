import { createAdminApiGateway } from '../../../../src/adapters/admin-api';
import { SqlGroupRepository } from '../../../../src/adapters/forge-sql/groups/sqlGroupRepository';
import { SqlProductRepository } from '../../../../src/adapters/forge-sql/products/sqlProductRepository';
import { ensureSchema } from '../../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../../src/adapters/forge-sql/users/sqlUserRepository';
import type { Group } from '../../../../src/domain/model/group';
import type { User } from '../../../../src/domain/model/user';
import { SIM_KEY, type AppRig } from './harness';

/**
 * Reads the simulator's org through the real Admin API adapter (egress → simulator) and stores it as a finished
 * sync would (generation 1): what the resolvers then show and act on.
 */
export const seedFromSimulator = async (): Promise<{ orgId: string; users: User[]; groups: Group[] }> => {
  await ensureSchema();
  const gateway = createAdminApiGateway({ apiKey: () => Promise.resolve(SIM_KEY) });
  const [org] = await gateway.listOrgs();
  if (org === undefined) throw new Error('the simulator has no org');
  const users: User[] = [];
  const groups: Group[] = [];
  for (const directory of await gateway.listDirectories(org.id)) {
    let cursor: string | null = null;
    do {
      const page = await gateway.searchUsers(org.id, directory.id, cursor);
      users.push(...page.items.map((u) => ({ ...u, directory: { id: directory.id, name: directory.name } })));
      cursor = page.next;
    } while (cursor !== null);
    do {
      const page = await gateway.searchGroups(org.id, directory.id, cursor);
      groups.push(...page.items);
      cursor = page.next;
    } while (cursor !== null);
  }
  await new SqlProductRepository().upsertMany(await gateway.listProducts(org.id), 1);
  await new SqlGroupRepository().upsertMany(groups, 1);
  await new SqlUserRepository().upsertMany(users, 1);
  return { orgId: org.id, users, groups };
};

/** The simulator's first user made a Jira admin, the key checked and saved, the org seeded: the admin and the users. */
export const adminWithSeededOrg = async (rig: AppRig): Promise<{ admin: string; users: User[] }> => {
  const admin = rig.sim.state.org.users[0]?.accountId ?? '';
  rig.jiraAdmins.add(admin);
  const { orgs } = (await rig.ok(admin, 'apiKey.check', { key: SIM_KEY })) as { orgs: { id: string }[] };
  await rig.ok(admin, 'apiKey.save', { key: SIM_KEY, orgId: orgs[0]?.id });
  return { admin, users: (await seedFromSimulator()).users };
};
