import type { ProjectRoleMember, ServiceDeskCustomer } from './siteDirectory';

/**
 * The synced copy of what the Jira site knows beyond the org directory (project role members, JSM customers and
 * their organizations). Like the directory tables, rows carry the generation of the sync that last saw them.
 */
export interface SiteDirectoryRepository {
  upsertProjectRoleMembers(members: readonly ProjectRoleMember[], generation: number): Promise<void>;
  /** After a complete project-role walk: deletes members it did not see; returns how many. */
  deleteProjectRoleMembersNotSeenSince(generation: number): Promise<number>;
  upsertCustomers(customers: readonly ServiceDeskCustomer[], generation: number): Promise<void>;
  /** After a complete customers walk: deletes customers (and organization memberships) it did not see. */
  deleteCustomersNotSeenSince(generation: number): Promise<number>;
}
