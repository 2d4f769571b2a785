import type { AdminApiSimulator } from '../../../../dev/admin-api-simulator';
import { expectedCustomers, expectedRoleMembers, type JiraSimulator } from '../../../../dev/jira-simulator';

/** A directory member in the form both sides are compared in (sorted lists, dates as epoch ms). */
export interface MemberView {
  accountId: string;
  name: string;
  email: string | null;
  managed: boolean;
  status: 'active' | 'suspended' | 'deactivated';
  platformRoles: string[];
  groupIds: string[];
  /** `resourceId|productKey|lastActiveSecond` (or `…|never`), sorted. */
  products: string[];
}

/**
 * What the database must hold after a complete sync, normalized so that equal content compares equal: members (by
 * account id), groups (`id|name|synced`), grants (`group|resource|role`), workspaces (`resource|seats`), project
 * role members (`project|role|account|viaGroup`), JSM customers (`desk|account`) and organization members
 * (`organization|account`).
 */
export interface DirectoryView {
  members: MemberView[];
  groups: string[];
  grants: string[];
  workspaces: string[];
  roleMembers: string[];
  customers: string[];
  organizationMembers: string[];
}

/**
 * One product access. Dates compare to the second: users/search reports milliseconds, the per-user
 * last-active-dates fallback whole seconds, and the database keeps what the source said.
 */
export const productEntry = (resourceId: string, key: string, lastActiveMs: number | null): string =>
  `${resourceId}|${key}|${lastActiveMs === null ? 'never' : String(Math.floor(lastActiveMs / 1000))}`;

const sorted = (items: Iterable<string>): string[] => [...new Set(items)].sort();

/** The two simulators' truth: `state.directoryEntries()`, `groupEntries()`, the workspaces and the Jira site. */
export const truthOf = (admin: AdminApiSimulator, jira: JiraSimulator): DirectoryView => {
  const { state } = admin;
  const members = state
    .directoryEntries()
    .map((e) => ({
      accountId: e.accountId,
      name: e.name,
      email: e.email,
      managed: e.claimStatus === 'managed',
      status: e.status,
      platformRoles: [...e.platformRoles].sort(),
      groupIds: sorted(e.groupIds),
      products: sorted(e.products.map((p) => productEntry(p.resourceId, p.key, p.lastActiveAt?.getTime() ?? null))),
    }))
    .sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
  const groups = state.groupEntries();
  const customers = expectedCustomers(jira.site);
  return {
    members,
    groups: sorted(groups.map((g) => `${g.id}|${g.name}|${String(g.synced)}`)),
    grants: sorted(groups.flatMap((g) => g.grants.map((t) => `${g.id}|${t.resourceId}|${t.role}`))),
    workspaces: sorted(state.org.workspaces.map((w) => `${w.id}|${String(w.capacity)}`)),
    roleMembers: sorted(
      expectedRoleMembers(jira.site).map((m) => `${m.projectKey}|${m.roleName}|${m.accountId}|${m.viaGroupId ?? ''}`),
    ),
    customers: sorted(customers.map((c) => `${c.serviceDeskId}|${c.accountId}`)),
    organizationMembers: sorted(customers.flatMap((c) => c.organizationIds.map((o) => `${o}|${c.accountId}`))),
  };
};
