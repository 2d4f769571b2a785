import { accessibleWorkspaces, effectiveGrants, isBillableRole, statusOf } from '../access';
import type { SimGroup, SimUser } from '../model';
import type { SimulatorState } from '../state';

/** A directory member as tests compare it with a database: plain data, dates as Date. */
export interface DirectoryEntry {
  accountId: string;
  directoryId: string;
  name: string;
  email: string;
  claimStatus: 'managed' | 'unmanaged';
  status: 'active' | 'suspended' | 'deactivated';
  platformRoles: string[];
  /** Group ids (bare UUIDs, as groups/search returns them). */
  groupIds: string[];
  products: { resourceId: string; key: string; lastActiveAt: Date | null; billable: boolean }[];
}

/** A group as tests compare it with a database. */
export interface GroupEntry {
  id: string;
  name: string;
  directoryId: string;
  synced: boolean;
  memberIds: string[];
  grants: { resourceId: string; role: string }[];
}

/** A member in comparable form: plain data, dates as Date, products with seat flag. */
export function directoryEntry(state: SimulatorState, u: SimUser): DirectoryEntry {
  const { org } = state;
  const grants = effectiveGrants(org, u);
  return {
    accountId: u.accountId,
    directoryId: org.directories[u.directory]?.id ?? '',
    name: u.name,
    email: u.email,
    claimStatus: u.claimStatus,
    status: statusOf(u),
    platformRoles: [...u.platformRoles],
    groupIds: u.groups.map((g) => org.groups[g]?.id ?? ''),
    products: accessibleWorkspaces(org, u).map((w) => {
      const ws = org.workspaces[w];
      const at = state.lastActive(u, w);
      return {
        resourceId: ws?.id ?? '',
        key: ws?.product ?? '',
        lastActiveAt: at === null ? null : new Date(at),
        billable: grants.some((g) => g.workspace === w && isBillableRole(g.role)),
      };
    }),
  };
}

/** A group in comparable form. */
export function groupEntry(state: SimulatorState, g: SimGroup): GroupEntry {
  const { org } = state;
  return {
    id: g.id,
    name: g.name,
    directoryId: org.directories[g.directory]?.id ?? '',
    synced: g.synced,
    memberIds: [...g.members].map((i) => org.users[i]?.accountId ?? ''),
    grants: g.grants.map((x) => ({ resourceId: org.workspaces[x.workspace]?.id ?? '', role: x.role })),
  };
}
