import type { Rng } from '../rng';
import type { ProductKey, SimGroup, SimWorkspace } from '../model';
import { DEPARTMENTS } from './profiles';

/** Where the user generator finds the groups it puts users into. */
export interface GroupPlan {
  groups: SimGroup[];
  /** `${directory}:${workspace}` → default access group granting atlassian/user. */
  access: Map<string, number>;
  /** `${directory}:${workspace}` → admin group granting atlassian/admin (Jira and Confluence only). */
  admins: Map<string, number>;
  /** directory → IdP-synced group that also grants Jira on the first site. */
  synced: Map<number, number>;
  /** directory → team (department) groups, a share of them IdP-synced. */
  teams: number[][];
}

const ACCESS_NAME: Record<ProductKey, string> = {
  'jira-software': 'jira-software-users',
  'jira-servicedesk': 'jira-servicemanagement-users',
  confluence: 'confluence-users',
  bitbucket: 'bitbucket-users',
};

/** Product-granting groups per directory and workspace, an IdP-synced Jira group, and `teamGroups` team groups. */
export function generateGroups(
  rng: Rng,
  directories: number,
  workspaces: SimWorkspace[],
  teamGroups: number,
): GroupPlan {
  const plan: GroupPlan = { groups: [], access: new Map(), admins: new Map(), synced: new Map(), teams: [] };
  const add = (g: Omit<SimGroup, 'index' | 'id' | 'members'>): number => {
    const index = plan.groups.length;
    plan.groups.push({ ...g, index, id: rng.uuid(), members: new Set() });
    return index;
  };
  for (let d = 0; d < directories; d++) {
    const dirSuffix = d === 0 ? '' : `-dir${String(d + 1)}`;
    for (const ws of workspaces) {
      const siteSuffix = ws.product === 'bitbucket' ? '' : `-site${String(ws.site + 1)}`;
      const name = `${ACCESS_NAME[ws.product]}${siteSuffix}${dirSuffix}`;
      const grants = [{ workspace: ws.index, role: 'atlassian/user' as const }];
      const description = `Grants access to ${ws.name}`;
      plan.access.set(`${String(d)}:${String(ws.index)}`, add({
        name, description, directory: d, synced: false, managedBy: 'admins', grants, isDefault: true,
      }));
      if (ws.product === 'jira-software' || ws.product === 'confluence') {
        const admin = `${ws.product === 'confluence' ? 'confluence' : 'jira'}-admins${siteSuffix}${dirSuffix}`;
        plan.admins.set(`${String(d)}:${String(ws.index)}`, add({
          name: admin, description: `Administers ${ws.name}`, directory: d, synced: false, managedBy: 'admins',
          grants: [{ workspace: ws.index, role: 'atlassian/admin' }], isDefault: false,
        }));
      }
    }
    const jira = workspaces.find((w) => w.product === 'jira-software' && w.site === 0);
    if (jira) {
      plan.synced.set(d, add({
        name: `okta-jira-users${dirSuffix}`, description: 'Synced from Okta', directory: d, synced: true,
        managedBy: 'external', grants: [{ workspace: jira.index, role: 'atlassian/user' }], isDefault: false,
      }));
    }
    plan.teams.push([]);
  }
  for (let t = 0; t < teamGroups; t++) {
    const d = t % directories;
    const dept = DEPARTMENTS[Math.floor(t / directories) % DEPARTMENTS.length] ?? 'Team';
    const round = Math.floor(t / (directories * DEPARTMENTS.length));
    const synced = rng.chance(0.35);
    const slug = dept.toLowerCase().replace(/\s+/g, '-');
    const name = `${synced ? 'okta-' : ''}${slug}${round > 0 ? `-${String(round + 1)}` : ''}${d === 0 ? '' : `-dir${String(d + 1)}`}`;
    const index = add({
      name, description: `${dept} team`, directory: d, synced,
      managedBy: synced ? 'external' : rng.pick(['admins', 'team-members', 'open'] as const), grants: [], isDefault: false,
    });
    plan.teams[d]?.push(index);
  }
  return plan;
}
