import type { ProjectRoleMember, ServiceDeskCustomer } from '../../../domain/ports/siteDirectory';
import type { SiteDirectoryRepository } from '../../../domain/ports/siteDirectoryRepository';
import { multiRowStatements, type MultiRowInsert } from '../sql/multiRowStatements';
import { SqlExecutor } from '../sql/sqlExecutor';

const stampOnly = 'ON DUPLICATE KEY UPDATE seen_generation=VALUES(seen_generation)';
const roleMembersInsert: MultiRowInsert = {
  head: 'INSERT INTO project_role_members (project_key,project_name,role_name,account_id,via_group_id,seen_generation) VALUES',
  tail: `${stampOnly},project_name=VALUES(project_name)`,
  columns: 6,
};
const customersInsert: MultiRowInsert = {
  head: 'INSERT INTO jsm_customers (service_desk_id,service_desk_name,account_id,display_name,email,seen_generation) VALUES',
  tail:
    `${stampOnly},service_desk_name=VALUES(service_desk_name), ` +
    'display_name=COALESCE(VALUES(display_name),display_name), email=COALESCE(VALUES(email),email)',
  columns: 6,
};
const orgsInsert: MultiRowInsert = {
  head: 'INSERT INTO jsm_organizations (organization_id,name,seen_generation) VALUES',
  tail: 'ON DUPLICATE KEY UPDATE seen_generation=VALUES(seen_generation), name=VALUES(name)',
  columns: 3,
};
const orgMembersInsert: MultiRowInsert = {
  head: 'INSERT INTO jsm_organization_members (organization_id,account_id,seen_generation) VALUES',
  tail: stampOnly,
  columns: 3,
};

/**
 * SiteDirectoryRepository over Forge SQL (U2, U3): rows are keyed by what they say, so an upsert only
 * restamps the generation (and the project's or desk's name, which may have changed); a complete walk then deletes
 * what it did not see.
 */
export class SqlSiteDirectoryRepository implements SiteDirectoryRepository {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async upsertProjectRoleMembers(members: readonly ProjectRoleMember[], generation: number): Promise<void> {
    const rows = members.map((m) => [m.projectKey, m.projectName, m.roleName, m.accountId, m.viaGroupId ?? '', generation]);
    await this.db.executeAll(multiRowStatements(roleMembersInsert, rows));
  }

  async deleteProjectRoleMembersNotSeenSince(generation: number): Promise<number> {
    return this.db.execute({ query: 'DELETE FROM project_role_members WHERE seen_generation < ?', params: [generation] });
  }

  async upsertCustomers(customers: readonly ServiceDeskCustomer[], generation: number): Promise<void> {
    const orgRows = customers.flatMap((c) => c.organizationIds.map((org) => [org, c.accountId, generation]));
    const orgNames = new Map(customers.flatMap((c) => Object.entries(c.organizationNames ?? {})));
    const customerRows = customers.map((c) => [c.serviceDeskId, c.serviceDeskName, c.accountId, c.displayName ?? null, c.email ?? null, generation]);
    await this.db.executeAll([
      ...multiRowStatements(customersInsert, customerRows),
      ...multiRowStatements(orgMembersInsert, orgRows),
      ...multiRowStatements(orgsInsert, [...orgNames].map(([id, name]) => [id, name, generation])),
    ]);
  }

  async deleteCustomersNotSeenSince(generation: number): Promise<number> {
    const deleted = await this.db.execute({ query: 'DELETE FROM jsm_customers WHERE seen_generation < ?', params: [generation] });
    await this.db.execute({ query: 'DELETE FROM jsm_organization_members WHERE seen_generation < ?', params: [generation] });
    await this.db.execute({ query: 'DELETE FROM jsm_organizations WHERE seen_generation < ?', params: [generation] });
    return deleted;
  }
}
