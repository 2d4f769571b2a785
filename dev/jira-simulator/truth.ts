/**
 * What a complete read of the site must find, straight from the model: tests compare an adapter's pages (or the
 * database after a sync) with these lists.
 */
import type { JiraSite } from './model';

/** A project role member as the SiteDirectory port reports it. */
export interface ExpectedRoleMember {
  projectKey: string;
  projectName: string;
  roleName: string;
  accountId: string;
  viaGroupId: string | null;
}

/** A service desk customer, with every organization of the desk the account belongs to. */
export interface ExpectedCustomer {
  serviceDeskId: string;
  serviceDeskName: string;
  accountId: string;
  organizationIds: string[];
}

/** Every (project, role, account, via group) the site holds; group actors expanded, inactive users included. */
export const expectedRoleMembers = (site: JiraSite): ExpectedRoleMember[] => {
  const groups = new Map(site.groups.map((g) => [g.groupId, g]));
  const out: ExpectedRoleMember[] = [];
  for (const project of site.projects) {
    for (const role of [...project.roles].sort((a, b) => a.id - b.id)) {
      for (const actor of role.actors) {
        const base = { projectKey: project.key, projectName: project.name, roleName: role.name };
        if (actor.kind === 'user') out.push({ ...base, accountId: actor.accountId, viaGroupId: null });
        else {
          for (const member of groups.get(actor.groupId)?.members ?? []) {
            if (site.people.has(member)) out.push({ ...base, accountId: member, viaGroupId: actor.groupId });
          }
        }
      }
    }
  }
  return out;
};

/**
 * Every (desk, account) a customer of the desk, directly or through one of the desk's organizations, with the
 * desk's organizations the account is in (sorted). One entry per (desk, account).
 */
export const expectedCustomers = (site: JiraSite): ExpectedCustomer[] => {
  const orgs = new Map(site.organizations.map((o) => [o.id, o]));
  const out: ExpectedCustomer[] = [];
  for (const desk of site.serviceDesks) {
    const byAccount = new Map<string, Set<string>>();
    for (const orgId of desk.organizationIds) {
      for (const member of orgs.get(orgId)?.members ?? []) {
        if (site.people.has(member)) byAccount.set(member, (byAccount.get(member) ?? new Set()).add(orgId));
      }
    }
    for (const id of desk.customers) if (site.people.has(id) && !byAccount.has(id)) byAccount.set(id, new Set());
    for (const [accountId, set] of byAccount) {
      out.push({ serviceDeskId: desk.id, serviceDeskName: desk.projectName, accountId, organizationIds: [...set].sort((a, b) => Number(a) - Number(b)) });
    }
  }
  return out;
};
