/**
 * The simulator's in-memory model of one organization. Field names are the simulator's own; the HTTP views
 * (./views) turn them into the shapes the OpenAPI documents define.
 */

/** Products the generator places on sites. `key` is the v2 `productAccess[].key`. */
export type ProductKey = 'jira-software' | 'jira-servicedesk' | 'confluence' | 'bitbucket';

/** Product roles that can be granted on a workspace (RoleApiRequest.role without platform roles). */
export type ProductRole =
  | 'atlassian/user'
  | 'atlassian/admin'
  | 'atlassian/guest'
  | 'atlassian/user-access-admin'
  | 'atlassian/contributor'
  | 'atlassian/customer'
  | 'atlassian/basic'
  | 'atlassian/stakeholder';

/** Platform roles as `MultiDirectoryUser.platformRoles` lists them. */
export type PlatformRole =
  | 'atlassian/org-admin'
  | 'atlassian/site-admin'
  | 'atlassian/user-access-admin'
  | 'atlassian/ai-access';

/** A product on a site (a "workspace" of the workspaces API). */
export interface SimWorkspace {
  index: number;
  /** Resource ARI, e.g. `ari:cloud:jira-software::site/<cloudId>`; also `productAccess[].id`. */
  id: string;
  cloudId: string;
  /** 0 for the first site (and for Bitbucket), 1 for the second site, ... */
  site: number;
  product: ProductKey;
  /** Key in the legacy enum of `last-active-dates` (`jira-service-desk` for JSM). */
  legacyKey: 'jira-software' | 'jira-service-desk' | 'confluence' | 'bitbucket';
  name: string;
  hostUrl: string;
  /** Seats; null when the simulated license data is not available. */
  capacity: number | null;
  createdAt: string;
}

/** A directory of the organization. */
export interface SimDirectory {
  index: number;
  id: string;
  name: string;
}

/** A role granted on a workspace, directly to a user or to a group. */
export interface RoleGrant {
  workspace: number;
  role: ProductRole;
}

/** A group in one directory. */
export interface SimGroup {
  index: number;
  id: string;
  name: string;
  description: string;
  directory: number;
  /** Synced from an identity provider: read-only through the API. */
  synced: boolean;
  managedBy: 'external' | 'admins' | 'team-members' | 'open';
  grants: RoleGrant[];
  /** The product's default access group (defaultRole in role-assignments). */
  isDefault: boolean;
  members: Set<number>;
}

/** An Atlassian account that is a member of a directory. */
export interface SimUser {
  index: number;
  accountId: string;
  directory: number;
  name: string;
  nickname: string;
  email: string;
  /** managed = email on a verified domain of the org. */
  claimStatus: 'managed' | 'unmanaged';
  accountStatus: 'active' | 'inactive' | 'closed';
  membershipStatus: 'active' | 'suspended' | 'no_membership';
  addedToOrg: number;
  mfaEnabled: boolean;
  managementSource: 'invited' | 'synced' | null;
  platformRoles: PlatformRole[];
  /** Indices of the groups the user is a member of (kept in step with SimGroup.members). */
  groups: number[];
  directRoles: RoleGrant[];
  /** users/search leaves out `lastActiveTimestamp` for this user (the app must use last-active-dates). */
  activityHidden: boolean;
  /** Index into the generator's profile lists (job title, department, location). */
  profile: number;
}

/** App and customer accounts: not directory members, so users/search never returns them. */
export interface SimOtherAccount {
  accountId: string;
  accountType: 'app' | 'customer';
  name: string;
  email: string | null;
}

/** An organization API key the simulator accepts. */
export interface SimApiKey {
  id: string;
  token: string;
  label: string;
  /** null = unscoped; otherwise the scopes the key was created with. */
  scopes: string[] | null;
  createdAt: number;
  expiresAt: number;
  lastActiveAt: number;
  /** Revoked keys are refused like expired ones. */
  revoked: boolean;
}

/** An audit event as events-stream returns it. */
export interface SimEvent {
  id: string;
  time: number;
  action: string;
  actorId: string;
  context: { id: string; type: string }[];
}

/** The whole organization. */
export interface SimOrg {
  id: string;
  name: string;
  domain: string;
  now: number;
  directories: SimDirectory[];
  workspaces: SimWorkspace[];
  groups: SimGroup[];
  users: SimUser[];
  others: SimOtherAccount[];
  /** lastActive[user * workspaces.length + workspace] in epoch ms; NaN = never active there. */
  lastActive: Float64Array;
  events: SimEvent[];
}
