import { createAdminApiGateway } from '../../src/adapters/admin-api';
import { SqlGroupRepository } from '../../src/adapters/forge-sql/groups/sqlGroupRepository';
import { SqlProductRepository } from '../../src/adapters/forge-sql/products/sqlProductRepository';
import { ensureSchema } from '../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../src/adapters/forge-sql/users/sqlUserRepository';
import type { User } from '../../src/domain/model/user';

/** Users written per upsert, as a sync slice writes its pages. */
const BATCH = 10_000;

/**
 * The synced copy of the simulated org, read through the app's own Admin API adapter (users, groups, products) and
 * written through its repositories as a finished sync leaves it (generation 1). The simulator it reads is an
 * unthrottled twin of the bench's, over the same org: seeding is not what the bench measures.
 */
export const seedSyncedCopy = async (apiKey: string): Promise<{ orgId: string; users: number }> => {
  await ensureSchema();
  const gateway = createAdminApiGateway({ apiKey: () => Promise.resolve(apiKey) });
  const [org] = await gateway.listOrgs();
  if (org === undefined) throw new Error('the simulator has no org');
  const users = new SqlUserRepository();
  let pending: User[] = [];
  let count = 0;
  for (const directory of await gateway.listDirectories(org.id)) {
    let cursor: string | null = null;
    do {
      const page = await gateway.searchUsers(org.id, directory.id, cursor);
      pending.push(...page.items.map((u) => ({ ...u, directory: { id: directory.id, name: directory.name } })));
      cursor = page.next;
      if (pending.length >= BATCH || cursor === null) {
        await users.upsertMany(pending, 1);
        count += pending.length;
        pending = [];
      }
    } while (cursor !== null);
    const groups = [];
    do {
      const page = await gateway.searchGroups(org.id, directory.id, cursor);
      groups.push(...page.items);
      cursor = page.next;
    } while (cursor !== null);
    await new SqlGroupRepository().upsertMany(groups, 1);
  }
  await new SqlProductRepository().upsertMany(await gateway.listProducts(org.id), 1);
  return { orgId: org.id, users: count };
};
