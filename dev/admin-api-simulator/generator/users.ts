import type { Rng } from '../rng';
import type { PlatformRole, SimOtherAccount, SimUser, SimWorkspace } from '../model';
import { addedToOrgAt, lastActiveAt } from './activity';
import type { GroupPlan } from './groups';
import { accessShare } from './workspaces';
import { EXTERNAL_DOMAINS, nameLists } from './profiles';

/** Inputs of the user generator. */
export interface UserGenInput {
  rng: Rng;
  count: number;
  directories: number;
  domain: string;
  managedShare: number;
  now: number;
  workspaces: SimWorkspace[];
  plan: GroupPlan;
  /** Filled in: lastActive[user * workspaces.length + workspace]. */
  lastActive: Float64Array;
}

const NO_ROLES: PlatformRole[] = [];

/** Directory members: managed and external accounts with statuses, roles, groups and activity. */
export function generateUsers(input: UserGenInput): SimUser[] {
  const { rng, count, now, workspaces, plan, lastActive } = input;
  const names = nameLists();
  const emails = new Set<string>();
  const users: SimUser[] = [];
  for (let i = 0; i < count; i++) {
    const first = rng.pick(names.first);
    const last = rng.pick(names.last);
    const managed = i < 3 || rng.chance(input.managedShare);
    const domain = managed ? input.domain : rng.pick(EXTERNAL_DOMAINS);
    const email = uniqueEmail(emails, `${first}.${last}`, domain);
    const suspended = i >= 3 && rng.chance(0.04);
    const inactive = i >= 3 && rng.chance(managed ? 0.03 : 0.01);
    const directory = i % input.directories;
    const user: SimUser = {
      index: i,
      accountId: rng.uuid(),
      directory,
      name: `${first} ${last}`,
      nickname: first,
      email,
      claimStatus: managed ? 'managed' : 'unmanaged',
      accountStatus: inactive ? 'inactive' : 'active',
      membershipStatus: suspended ? 'suspended' : 'active',
      addedToOrg: i < 3 ? now - 5 * 365 * 86_400_000 : addedToOrgAt(rng, now),
      mfaEnabled: managed ? rng.chance(0.7) : rng.chance(0.3),
      managementSource: managed ? (rng.chance(0.4) ? 'synced' : 'invited') : 'invited',
      platformRoles: platformRoles(rng, i, managed),
      groups: [],
      directRoles: [],
      activityHidden: rng.chance(0.03),
      profile: rng.int(0, 1_000_000),
    };
    users.push(user);
    const join = (g: number | undefined): void => {
      const group = g === undefined ? undefined : plan.groups[g];
      if (!group || group.members.has(i)) return;
      group.members.add(i);
      user.groups.push(group.index);
    };
    for (const ws of workspaces) {
      const key = `${String(directory)}:${String(ws.index)}`;
      const slot = i * workspaces.length + ws.index;
      lastActive[slot] = Number.NaN;
      if (i >= 3 && !rng.chance(accessShare(ws))) continue;
      const viaIdp = ws.product === 'jira-software' && ws.site === 0 && user.managementSource === 'synced';
      join(viaIdp && rng.chance(0.5) ? plan.synced.get(directory) : plan.access.get(key));
      if (i < 3 || rng.chance(0.01)) join(plan.admins.get(key));
      lastActive[slot] = lastActiveAt(rng, now, user.addedToOrg, suspended);
    }
    const teams = plan.teams[directory] ?? [];
    if (teams.length > 0) for (let t = rng.int(1, 3); t > 0; t--) join(rng.pick(teams));
  }
  return users;
}

function platformRoles(rng: Rng, i: number, managed: boolean): PlatformRole[] {
  if (i < 3) return ['atlassian/org-admin'];
  if (!managed) return NO_ROLES;
  const r = rng.next();
  if (r < 0.005) return ['atlassian/site-admin'];
  if (r < 0.007) return ['atlassian/user-access-admin'];
  if (r < 0.05) return ['atlassian/ai-access'];
  return NO_ROLES;
}

function uniqueEmail(taken: Set<string>, local: string, domain: string): string {
  const base = local.toLowerCase().replace(/[^a-z0-9.]+/g, '');
  let email = `${base}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${base}${String(n)}@${domain}`;
  taken.add(email);
  return email;
}

/** A few app accounts and JSM customers: accounts that exist but are not members of a directory. */
export function generateOtherAccounts(rng: Rng, users: number): SimOtherAccount[] {
  const names = nameLists();
  const out: SimOtherAccount[] = [];
  const apps = ['Automation for Jira', 'Slack', 'Microsoft Teams', 'GitHub for Jira', 'Tempo', 'Zephyr'];
  for (let a = 0; a < Math.min(apps.length, 3 + Math.floor(users / 2000)); a++) {
    out.push({ accountId: rng.uuid(), accountType: 'app', name: apps[a] ?? 'App', email: null });
  }
  for (let c = 0; c < 5 + Math.floor(users / 500); c++) {
    const name = `${rng.pick(names.first)} ${rng.pick(names.last)}`;
    out.push({ accountId: rng.uuid(), accountType: 'customer', name, email: `customer${String(c)}@${rng.pick(EXTERNAL_DOMAINS)}` });
  }
  return out;
}
