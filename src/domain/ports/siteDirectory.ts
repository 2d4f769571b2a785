export interface ProjectRoleMember {
  projectKey: string;
  roleName: string;
  accountId: string;
  viaGroupId: string | null;
}

export interface ServiceDeskCustomer {
  serviceDeskId: string;
  accountId: string;
  organizationIds: string[];
}

/** What the Jira site knows beyond the org directory: project role members and JSM customers. */
export interface SiteDirectory {
  projectRoleMembers(cursor: string | null): Promise<{ items: ProjectRoleMember[]; next: string | null }>;
  serviceDeskCustomers(cursor: string | null): Promise<{ items: ServiceDeskCustomer[]; next: string | null }>;
}
