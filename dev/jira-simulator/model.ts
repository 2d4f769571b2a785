/**
 * The simulator's model of one Jira + JSM site. People and groups are plain data so the site can describe the same
 * accounts as the Admin API simulator's organization (pass them in; nothing of that simulator is imported).
 */

/** An account the site knows: a directory user, an app, or a JSM portal-only customer. */
export interface SitePerson {
  accountId: string;
  displayName: string;
  email: string | null;
  active: boolean;
  accountType: 'atlassian' | 'app' | 'customer';
  timeZone: string;
}

/** A group of the site (Jira group ids are the org's group ids). */
export interface SiteGroup {
  groupId: string;
  name: string;
  /** Account ids of the members, in membership order. */
  members: string[];
}

/** A project role actor: a user or a group, with Jira's actor id. */
export type SiteActor = { kind: 'user'; id: number; accountId: string } | { kind: 'group'; id: number; groupId: string };

/** A role of one project with its actors. */
export interface SiteRole {
  id: number;
  name: string;
  description: string;
  actors: SiteActor[];
}

/** A Jira project; `service_desk` projects also have a service desk. */
export interface SiteProject {
  id: string;
  key: string;
  name: string;
  typeKey: 'software' | 'business' | 'service_desk';
  roles: SiteRole[];
}

/** A JSM service desk: its directly added customers and the organizations linked to it. */
export interface SiteServiceDesk {
  id: string;
  projectId: string;
  projectKey: string;
  projectName: string;
  /** Account ids added to the desk directly. */
  customers: string[];
  organizationIds: string[];
}

/** A JSM customer organization. */
export interface SiteOrganization {
  id: string;
  name: string;
  createdAt: number;
  /** Account ids, kept sorted (the API lists organization users ordered by accountId). */
  members: string[];
}

/** The whole site. Lists are in the order the API returns them. */
export interface JiraSite {
  people: Map<string, SitePerson>;
  groups: SiteGroup[];
  /** Sorted by key (project/search's default `orderBy=key`). */
  projects: SiteProject[];
  serviceDesks: SiteServiceDesk[];
  organizations: SiteOrganization[];
  /** Account ids holding the global ADMINISTER permission. */
  admins: Set<string>;
  /** Whether the app itself (asApp) holds ADMINISTER. */
  appIsAdmin: boolean;
}
