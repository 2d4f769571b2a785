import type { JiraSite } from '../model';
import { SeededRandom } from '../rng';
import { buildServiceDesks } from './jsm';
import { resolveSiteOptions, type SiteOptions } from './options';
import { buildPeople } from './people';
import { buildProjects } from './projects';

export type { GroupInput, PeopleInput, PersonInput, Range, SiteOptions } from './options';

/** Builds a site from the options; the same options (seed included) always give the same site. */
export const generateSite = (options: SiteOptions = {}): JiraSite => {
  const o = resolveSiteOptions(options);
  const rng = new SeededRandom(o.seed);
  const { people, groups } = buildPeople(o, rng);
  const projects = buildProjects(o, rng, people, groups);
  const { serviceDesks, organizations } = buildServiceDesks(o, rng, people, projects);
  const firstUser = [...people.values()].find((p) => p.accountType === 'atlassian');
  const admins = new Set(o.admins ?? (firstUser ? [firstUser.accountId] : []));
  return { people, groups, projects, serviceDesks, organizations, admins, appIsAdmin: o.appIsAdmin };
};
