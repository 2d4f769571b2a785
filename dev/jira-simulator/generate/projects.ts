import type { SiteActor, SiteGroup, SitePerson, SiteProject, SiteRole } from '../model';
import type { SeededRandom } from '../rng';
import type { ResolvedSiteOptions } from './options';

/** Jira's default role sets: roles are global, so ids repeat across projects. */
const ROLE_SETS: Record<SiteProject['typeKey'], readonly { id: number; name: string }[]> = {
  software: [
    { id: 10002, name: 'Administrators' },
    { id: 10001, name: 'Developers' },
    { id: 10000, name: 'Users' },
  ],
  business: [
    { id: 10002, name: 'Administrators' },
    { id: 10003, name: 'Members' },
  ],
  service_desk: [
    { id: 10002, name: 'Administrators' },
    { id: 10100, name: 'Service Desk Team' },
    { id: 10101, name: 'Service Desk Customers' },
  ],
};

const WORDS = ['APP', 'OPS', 'WEB', 'DATA', 'MOB', 'SEC', 'FIN', 'MKT', 'HR', 'IT', 'CORE', 'API'];

/** Generates projects (the first `serviceDesks` are service desk projects), their roles and actors. */
export const buildProjects = (
  o: ResolvedSiteOptions,
  rng: SeededRandom,
  people: ReadonlyMap<string, SitePerson>,
  groups: readonly SiteGroup[],
): SiteProject[] => {
  const users = [...people.values()].filter((p) => p.accountType === 'atlassian').map((p) => p.accountId);
  const actorGroups = groups.filter((g) => g.members.length <= o.groupActorMaxMembers).map((g) => g.groupId);
  let actorId = 10200;
  const role = (r: { id: number; name: string }): SiteRole => {
    const actors: SiteActor[] = [];
    for (const accountId of rng.sample(users, rng.int(...o.userActorsPerRole))) {
      actors.push({ kind: 'user', id: (actorId += 1), accountId });
    }
    for (const groupId of rng.sample(actorGroups, rng.int(...o.groupActorsPerRole))) {
      actors.push({ kind: 'group', id: (actorId += 1), groupId });
    }
    return { ...r, description: `A project role that represents ${r.name.toLowerCase()} in a project`, actors };
  };
  const projects: SiteProject[] = [];
  for (let i = 0; i < o.projects; i += 1) {
    const typeKey: SiteProject['typeKey'] = i < o.serviceDesks ? 'service_desk' : rng.chance(0.7) ? 'software' : 'business';
    const key = `${typeKey === 'service_desk' ? 'HELP' : rng.pick(WORDS)}${i + 1}`;
    const name = typeKey === 'service_desk' ? `Help desk ${i + 1}` : `${key} project`;
    projects.push({ id: String(10000 + i), key, name, typeKey, roles: ROLE_SETS[typeKey].map(role) });
  }
  return projects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
};
