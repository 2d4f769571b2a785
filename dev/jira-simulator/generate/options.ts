/** One account handed to the simulator (e.g. a user of the Admin API simulator's organization). */
export interface PersonInput {
  accountId: string;
  displayName?: string;
  email?: string | null;
  /** Default true. */
  active?: boolean;
  /** Default `atlassian`. */
  accountType?: 'atlassian' | 'app' | 'customer';
}

/** One group handed to the simulator, with its members' account ids. */
export interface GroupInput {
  groupId: string;
  name: string;
  members: readonly string[];
}

/** The people both simulators describe: pass the same accounts and memberships to each. */
export interface PeopleInput {
  users: readonly PersonInput[];
  groups: readonly GroupInput[];
}

/** An inclusive [min, max] range the generator draws from. */
export type Range = readonly [number, number];

/** How the site is generated. Every default gives a small site; the same options and seed give the same site. */
export interface SiteOptions {
  seed?: number;
  /** The accounts and groups (default: generated from `users` and `groups`). */
  people?: PeopleInput;
  /** Generated directory users when `people` is absent (default 200). */
  users?: number;
  /** Generated groups when `people` is absent (default 8). */
  groups?: number;
  /** Portal-only customer accounts added to the people (default 40). */
  customerAccounts?: number;
  /** Jira projects, service desk projects included (default 10). */
  projects?: number;
  /** How many of the projects are service desks (default 3). */
  serviceDesks?: number;
  /** User actors per project role (default [0, 6]). */
  userActorsPerRole?: Range;
  /** Group actors per project role (default [0, 2]). */
  groupActorsPerRole?: Range;
  /** Only groups with at most this many members become role actors (default 5000). */
  groupActorMaxMembers?: number;
  /** JSM organizations (default 6). */
  organizations?: number;
  /** Members per organization (default [0, 25]). */
  organizationSize?: Range;
  /** Organizations linked to each desk (default [0, 3]). */
  organizationsPerDesk?: Range;
  /** Customers added directly to each desk (default [0, 60]). */
  customersPerDesk?: Range;
  /** Account ids with the global ADMINISTER permission (default: the first directory user). */
  admins?: readonly string[];
  /** Whether the app (asApp) has ADMINISTER (default true). */
  appIsAdmin?: boolean;
}

/** `SiteOptions` with the defaults filled in (people still optional). */
export type ResolvedSiteOptions = Required<Omit<SiteOptions, 'people' | 'admins'>> & Pick<SiteOptions, 'people' | 'admins'>;

/** Fills in the defaults documented on `SiteOptions`. */
export const resolveSiteOptions = (o: SiteOptions): ResolvedSiteOptions => ({
  ...o,
  seed: o.seed ?? 1,
  users: o.users ?? 200,
  groups: o.groups ?? 8,
  customerAccounts: o.customerAccounts ?? 40,
  projects: o.projects ?? 10,
  serviceDesks: Math.min(o.serviceDesks ?? 3, o.projects ?? 10),
  userActorsPerRole: o.userActorsPerRole ?? [0, 6],
  groupActorsPerRole: o.groupActorsPerRole ?? [0, 2],
  groupActorMaxMembers: o.groupActorMaxMembers ?? 5000,
  organizations: o.organizations ?? 6,
  organizationSize: o.organizationSize ?? [0, 25],
  organizationsPerDesk: o.organizationsPerDesk ?? [0, 3],
  customersPerDesk: o.customersPerDesk ?? [0, 60],
  appIsAdmin: o.appIsAdmin ?? true,
});
