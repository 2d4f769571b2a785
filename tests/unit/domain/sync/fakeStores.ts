import type { Product } from '../../../../src/domain/model/product';
import type { SyncRun } from '../../../../src/domain/model/jobs';
import type { ProductRepository } from '../../../../src/domain/ports/productRepository';
import type { ProjectRoleMember, ServiceDeskCustomer } from '../../../../src/domain/ports/siteDirectory';
import type { SiteDirectoryRepository } from '../../../../src/domain/ports/siteDirectoryRepository';
import type { SyncRunRepository } from '../../../../src/domain/ports/syncRunRepository';
import type { Tables } from './fakeRepositories';

const notUsed = (): Promise<never> => Promise.reject(new Error('not used by the sync'));

export class FakeProductRepository implements ProductRepository {
  constructor(private readonly t: Tables) {}

  upsertMany(products: readonly Product[], generation: number): Promise<void> {
    this.t.op();
    for (const p of products) this.t.products.set(`${p.key}|${p.resourceId}`, { product: structuredClone(p), seen: generation });
    return Promise.resolve();
  }

  list = notUsed;
}

const roleKey = (m: ProjectRoleMember): string => `${m.projectKey}|${m.roleName}|${m.accountId}|${m.viaGroupId ?? ''}`;
/** Like the SQL tables: one row per (desk, account) and one per (organization, account); items merge by union. */
const customerKeys = (c: ServiceDeskCustomer): string[] => [
  `desk:${c.serviceDeskId}|${c.accountId}`,
  ...c.organizationIds.map((org) => `org:${org}|${c.accountId}`),
];

const deleteStale = (rows: Map<string, number>, generation: number): number => {
  const stale = [...rows].filter(([, seen]) => seen < generation).map(([key]) => key);
  for (const key of stale) rows.delete(key);
  return stale.length;
};

export class FakeSiteDirectoryRepository implements SiteDirectoryRepository {
  constructor(private readonly t: Tables) {}

  upsertProjectRoleMembers(members: readonly ProjectRoleMember[], generation: number): Promise<void> {
    this.t.op();
    for (const m of members) this.t.roleMembers.set(roleKey(m), generation);
    return Promise.resolve();
  }

  deleteProjectRoleMembersNotSeenSince(generation: number): Promise<number> {
    this.t.op();
    return Promise.resolve(deleteStale(this.t.roleMembers, generation));
  }

  upsertCustomers(customers: readonly ServiceDeskCustomer[], generation: number): Promise<void> {
    this.t.op();
    for (const key of customers.flatMap(customerKeys)) this.t.customers.set(key, generation);
    return Promise.resolve();
  }

  deleteCustomersNotSeenSince(generation: number): Promise<number> {
    this.t.op();
    return Promise.resolve(deleteStale(this.t.customers, generation));
  }
}

export { roleKey, customerKeys };

export class FakeSyncRunRepository implements SyncRunRepository {
  runs = new Map<string, SyncRun>();
  updates = 0;

  constructor(private readonly t: Tables) {}

  create(run: SyncRun): Promise<void> {
    this.t.op();
    this.runs.set(run.id, structuredClone(run));
    return Promise.resolve();
  }

  update(run: SyncRun): Promise<void> {
    this.t.op();
    this.updates += 1;
    const stored = this.runs.get(run.id);
    if (stored?.status === 'running') this.runs.set(run.id, structuredClone({ ...run, activity: stored.activity }));
    return Promise.resolve();
  }

  updateActivity(run: SyncRun): Promise<void> {
    this.t.op();
    this.updates += 1;
    const stored = this.runs.get(run.id);
    if (stored?.status === 'running') this.runs.set(run.id, structuredClone({ ...stored, activity: run.activity }));
    return Promise.resolve();
  }

  get(id: string): Promise<SyncRun | null> {
    this.t.op();
    const run = this.runs.get(id);
    return Promise.resolve(run === undefined ? null : structuredClone(run));
  }

  latest(): Promise<SyncRun | null> {
    return this.history(1).then((runs) => runs[0] ?? null);
  }

  history(limit: number): Promise<SyncRun[]> {
    this.t.op();
    const runs = [...this.runs.values()].sort((a, b) => b.generation - a.generation);
    return Promise.resolve(structuredClone(runs.slice(0, limit)));
  }

  nextGeneration(): Promise<number> {
    this.t.op();
    return Promise.resolve(Math.max(0, ...[...this.runs.values()].map((r) => r.generation)) + 1);
  }
}
