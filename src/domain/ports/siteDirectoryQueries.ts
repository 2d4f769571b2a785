/** Project role member with the person the directory knows (U2). */
export interface ProjectRoleRow {
  projectKey: string;
  roleName: string;
  accountId: string;
  viaGroupId: string | null;
  viaGroupName: string | null;
  person: SitePerson | null;
}

/** A JSM customer of one service desk with the organizations they belong to (U3). */
export interface CustomerRow {
  serviceDeskId: string;
  /** The desk's name as the walk last read it (its project name). */
  serviceDeskName: string;
  accountId: string;
  /** The name and email JSM gave the customer; what names a customer outside the org directory. */
  displayName: string | null;
  email: string | null;
  person: SitePerson | null;
  organizations: { id: string; name: string | null }[];
}

/** What the synced directory says about an account named by a site row; null when it is not in the directory. */
export interface SitePerson {
  name: string;
  email: string | null;
  accountStatus: 'active' | 'inactive' | 'closed';
}

/** A project or service desk the synced site rows name, for the screens' filters: its key or id and its name. */
export interface SiteChoice {
  id: string;
  name: string;
}

export interface SitePage<T> {
  items: T[];
  next: string | null;
}

/** Reads of the synced Jira/JSM site data, keyset-paged (limit 1..500). */
export interface SiteDirectoryQueries {
  /** Ordered by project key, role name, account ID; the role name is matched case-insensitively. */
  projectRoleMembers(
    filter: { projectKey?: string | undefined; roleName?: string | undefined },
    limit: number,
    after: string | null,
  ): Promise<SitePage<ProjectRoleRow>>;
  /** The projects that have role members, by name (at most 2,000). */
  projects(): Promise<SiteChoice[]>;
  /** The service desks that have customers, by name (at most 2,000). */
  serviceDesks(): Promise<SiteChoice[]>;
  /** The JSM organizations synced with their names, by name (at most 2,000). */
  organizations(): Promise<SiteChoice[]>;
  /** Ordered by service desk ID, account ID. */
  customers(
    filter: { serviceDeskId?: string | undefined; organizationId?: string | undefined },
    limit: number,
    after: string | null,
  ): Promise<SitePage<CustomerRow>>;
}
