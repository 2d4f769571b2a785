import { Rng } from '../rng';
import type { SimOrg } from '../model';
import { generateGroups } from './groups';
import { generateOtherAccounts, generateUsers } from './users';
import { capacityFor, generateWorkspaces } from './workspaces';
import { seedEvents } from './events';
import { effectiveGrants, isBillableRole } from '../access';

/** Options of the organization generator. Equal options give an equal organization. */
export interface OrgOptions {
  /** Directory members to generate (10 to 100,000+). */
  users: number;
  /** The organization's "today"; activity is spread backwards from it. No hidden Date.now. */
  now: Date | string | number;
  seed?: string | number;
  /** Sites carrying Jira and Confluence (JSM on the first). Default 1. */
  sites?: number;
  /** Directories; users are spread over them round-robin. Default 1. */
  directories?: number;
  /** The org's verified domain: accounts on it are managed. Default `<slug>.example.com`. */
  domain?: string;
  name?: string;
  /** Share of accounts on the verified domain. Default 0.8. */
  managedShare?: number;
}

/** Builds the organization. 100,000 users take a few seconds and tens of MB. */
export function generateOrg(options: OrgOptions): SimOrg {
  const now = new Date(options.now).getTime();
  if (Number.isNaN(now)) throw new Error('generateOrg: invalid now');
  const rng = new Rng(options.seed ?? 'org');
  const name = options.name ?? 'Acme Corporation';
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 20) || 'org';
  const domain = options.domain ?? `${slug}.example.com`;
  const directories = Math.max(1, options.directories ?? 1);
  const id = rng.uuid();
  const dirs = Array.from({ length: directories }, (_, index) => ({
    index, id: rng.uuid(), name: index === 0 ? 'Primary Directory' : `Directory ${String(index + 1)}`,
  }));
  const workspaces = generateWorkspaces(rng, slug, Math.max(1, options.sites ?? 1), now);
  const plan = generateGroups(rng, directories, workspaces, Math.max(5, Math.floor(options.users / 200)));
  const lastActive = new Float64Array(options.users * workspaces.length);
  const users = generateUsers({
    rng, count: options.users, directories, domain, managedShare: options.managedShare ?? 0.8, now,
    workspaces, plan, lastActive,
  });
  const org: SimOrg = {
    id, name, domain, now, directories: dirs, workspaces, groups: plan.groups, users,
    others: generateOtherAccounts(rng, options.users), lastActive, events: [],
  };
  const billable = new Array<number>(workspaces.length).fill(0);
  for (const user of users) {
    if (user.accountStatus !== 'active' || user.membershipStatus !== 'active') continue;
    for (const grant of effectiveGrants(org, user)) {
      if (isBillableRole(grant.role)) billable[grant.workspace] = (billable[grant.workspace] ?? 0) + 1;
    }
  }
  for (const ws of workspaces) ws.capacity = capacityFor(rng, ws, billable[ws.index] ?? 0);
  org.events = seedEvents(rng, org);
  return org;
}
