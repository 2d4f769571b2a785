import type { JiraSite, SiteGroup, SiteOrganization, SiteProject, SiteServiceDesk } from './model';

/** Lookups over a site, built once. The site is read-only after generation. */
export interface SiteIndex {
  /** By id and by key (keys are case sensitive). */
  projects: ReadonlyMap<string, SiteProject>;
  groupsById: ReadonlyMap<string, SiteGroup>;
  groupsByName: ReadonlyMap<string, SiteGroup>;
  /** By desk id and by project id or key ("a project identifier" is accepted too). */
  serviceDesks: ReadonlyMap<string, SiteServiceDesk>;
  organizations: ReadonlyMap<string, SiteOrganization>;
  /** Every organization sorted by id (number order). */
  organizationList: readonly SiteOrganization[];
}

/** Builds the lookups of `site`. */
export const indexSite = (site: JiraSite): SiteIndex => {
  const projects = new Map<string, SiteProject>();
  for (const p of site.projects) projects.set(p.id, p).set(p.key, p);
  const serviceDesks = new Map<string, SiteServiceDesk>();
  for (const d of site.serviceDesks) serviceDesks.set(d.projectId, d).set(d.projectKey, d).set(d.id, d);
  return {
    projects,
    groupsById: new Map(site.groups.map((g) => [g.groupId, g])),
    groupsByName: new Map(site.groups.map((g) => [g.name, g])),
    serviceDesks,
    organizations: new Map(site.organizations.map((o) => [o.id, o])),
    organizationList: [...site.organizations].sort((a, b) => Number(a.id) - Number(b.id)),
  };
};
