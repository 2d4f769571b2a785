import type { SitePerson, SiteProject, SiteServiceDesk, SiteOrganization } from '../model';
import type { SeededRandom } from '../rng';
import type { ResolvedSiteOptions } from './options';

/** 2024-01-01T00:00:00Z: organizations are "created" after it, so the site does not depend on today's date. */
const EPOCH = Date.UTC(2024, 0, 1);

/**
 * Generates organizations and one service desk per `service_desk` project. Customers are mostly portal-only
 * accounts, with some directory users (staff who raise requests too).
 */
export const buildServiceDesks = (
  o: ResolvedSiteOptions,
  rng: SeededRandom,
  people: ReadonlyMap<string, SitePerson>,
  projects: readonly SiteProject[],
): { serviceDesks: SiteServiceDesk[]; organizations: SiteOrganization[] } => {
  const all = [...people.values()];
  const portal = all.filter((p) => p.accountType === 'customer').map((p) => p.accountId);
  const staff = all.filter((p) => p.accountType === 'atlassian').map((p) => p.accountId);
  const draw = (count: number): string[] => {
    const fromStaff = Math.min(staff.length, Math.floor(count * 0.2));
    const chosen = [...rng.sample(portal, count - fromStaff), ...rng.sample(staff, fromStaff)];
    return [...new Set(chosen)];
  };
  const organizations: SiteOrganization[] = Array.from({ length: o.organizations }, (_, i) => ({
    id: String(i + 1),
    name: `Customer organization ${i + 1}`,
    createdAt: EPOCH + rng.int(0, 600) * 86_400_000,
    members: draw(rng.int(...o.organizationSize)).sort(),
  }));
  const deskProjects = [...projects].filter((p) => p.typeKey === 'service_desk').sort((a, b) => Number(a.id) - Number(b.id));
  const serviceDesks = deskProjects.map((p, i) => ({
    id: String(i + 1),
    projectId: p.id,
    projectKey: p.key,
    projectName: p.name,
    customers: draw(rng.int(...o.customersPerDesk)),
    organizationIds: rng
      .sample(organizations, rng.int(...o.organizationsPerDesk))
      .map((org) => org.id)
      .sort((a, b) => Number(a) - Number(b)),
  }));
  return { serviceDesks, organizations };
};
