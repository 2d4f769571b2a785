import type { CustomerRow, ProjectRoleRow, SiteChoice, SiteDirectoryQueries, SitePage } from '../../ports/siteDirectoryQueries';

/** U2: project role members (group actors expanded), one keyset page. */
export const listProjectUsers = (
  request: { projectKey?: string | undefined; roleName?: string | undefined; limit: number; after: string | null },
  deps: { site: SiteDirectoryQueries },
): Promise<SitePage<ProjectRoleRow>> =>
  deps.site.projectRoleMembers({ projectKey: request.projectKey, roleName: request.roleName }, request.limit, request.after);

/** U3 / X2: JSM customers per service desk with their organizations, one keyset page. */
export const listCustomers = (
  request: { serviceDeskId?: string | undefined; organizationId?: string | undefined; limit: number; after: string | null },
  deps: { site: SiteDirectoryQueries },
): Promise<SitePage<CustomerRow>> =>
  deps.site.customers({ serviceDeskId: request.serviceDeskId, organizationId: request.organizationId }, request.limit, request.after);

/** U2 / U3 filters: the projects with role members, the service desks with customers and the JSM organizations, by name. */
export const siteChoices = async (
  kind: 'projects' | 'serviceDesks' | 'organizations',
  deps: { site: SiteDirectoryQueries },
): Promise<{ items: SiteChoice[] }> => ({ items: await deps.site[kind]() });
