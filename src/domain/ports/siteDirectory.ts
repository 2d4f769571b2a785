/** A member of a Jira project role: one item per (project, role, account, via group). */
export interface ProjectRoleMember {
  projectKey: string;
  /** The project's name as Jira gives it (what the project filter lists). */
  projectName: string;
  roleName: string;
  accountId: string;
  /** The group actor the account is a member through; null when the account is an actor itself. */
  viaGroupId: string | null;
}

/**
 * A JSM customer of a service desk. The same (desk, account) can come in several items — added directly
 * (`organizationIds: []`) and once per organization of the desk it belongs to — so a consumer merges them by the
 * union of `organizationIds`.
 */
export interface ServiceDeskCustomer {
  serviceDeskId: string;
  /** The service desk's name: its project's name, as JSM gives it. */
  serviceDeskName: string;
  accountId: string;
  organizationIds: string[];
  /** The customer's name and email as JSM gives them (for customers outside the org directory); null when not given. */
  displayName?: string | null;
  email?: string | null;
  /** The names JSM gives the organizations in `organizationIds`, by id. */
  organizationNames?: Readonly<Record<string, string>>;
}

/**
 * What the Jira site knows beyond the org directory: project role members and JSM customers. Each call reads a
 * bounded page; `next` is an opaque cursor to resume from (also in a later invocation), null after the last page.
 */
export interface SiteDirectory {
  projectRoleMembers(cursor: string | null): Promise<{ items: ProjectRoleMember[]; next: string | null }>;
  serviceDeskCustomers(cursor: string | null): Promise<{ items: ServiceDeskCustomer[]; next: string | null }>;
}
