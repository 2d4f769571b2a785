import type { ProjectRoleMember, ServiceDeskCustomer } from '../../../../src/domain/ports/siteDirectory';
import type { SiteDirectoryRepository } from '../../../../src/domain/ports/siteDirectoryRepository';
import { Tables } from './tables';

export const roleKey = (m: ProjectRoleMember): string => `${m.projectKey}|${m.roleName}|${m.accountId}|${m.viaGroupId ?? ''}`;
/** Like the SQL tables: one row per (desk, account) and one per (organization, account); items merge by union. */
export const customerKeys = (c: ServiceDeskCustomer): string[] => [
  `desk:${c.serviceDeskId}|${c.accountId}`,
  ...c.organizationIds.map((org) => `org:${org}|${c.accountId}`),
];

const deleteStale = (rows: Map<string, number>, generation: number): number => {
  const stale = [...rows].filter(([, seen]) => seen < generation).map(([key]) => key);
  for (const key of stale) rows.delete(key);
  return stale.length;
};

/** The synced Jira site rows over `Tables`: keys with the generation that last saw them. */
export class FakeSiteDirectoryRepository implements SiteDirectoryRepository {
  constructor(private readonly t: Tables = new Tables()) {}

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
