import type { ProductRole, RoleGrant, SimOrg, SimUser } from './model';

const BILLABLE: ReadonlySet<ProductRole> = new Set(['atlassian/user', 'atlassian/admin']);

/** Roles that take a seat (customer, contributor, basic, stakeholder, guest ... do not). */
export function isBillableRole(role: ProductRole): boolean {
  return BILLABLE.has(role);
}

/** A user's roles on workspaces: direct ones plus those granted by their groups, one entry per (workspace, role). */
export function effectiveGrants(org: SimOrg, user: SimUser): RoleGrant[] {
  const out: RoleGrant[] = [];
  const seen = new Set<string>();
  const add = (g: RoleGrant): void => {
    const key = `${String(g.workspace)}|${g.role}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(g);
  };
  for (const g of user.directRoles) add(g);
  for (const gi of user.groups) for (const g of org.groups[gi]?.grants ?? []) add(g);
  return out;
}

/** Workspaces the user can reach through any role, in workspace order. */
export function accessibleWorkspaces(org: SimOrg, user: SimUser): number[] {
  return [...new Set(effectiveGrants(org, user).map((g) => g.workspace))].sort((a, b) => a - b);
}

/** Whether the user holds a seat: active, not suspended, with a billable role on the workspace. */
export function holdsSeat(org: SimOrg, user: SimUser, workspace: number): boolean {
  if (user.accountStatus !== 'active' || user.membershipStatus !== 'active') return false;
  return effectiveGrants(org, user).some((g) => g.workspace === workspace && isBillableRole(g.role));
}

/** Seats in use on a workspace. O(users); writes call it only when a capacity check is needed. */
export function seatsUsed(org: SimOrg, workspace: number): number {
  let n = 0;
  for (const user of org.users) if (holdsSeat(org, user, workspace)) n++;
  return n;
}

/** v2 composite status of a user (MultiDirectoryUser.status). */
export function statusOf(user: SimUser): 'active' | 'suspended' | 'deactivated' {
  if (user.accountStatus !== 'active') return 'deactivated';
  return user.membershipStatus === 'suspended' ? 'suspended' : 'active';
}
