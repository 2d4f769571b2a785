import type { SiteGroup, SitePerson } from '../model';
import type { SeededRandom } from '../rng';
import type { PeopleInput, PersonInput, ResolvedSiteOptions } from './options';

const FIRST = ['Ada', 'Bo', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea', 'Mia', 'Noa', 'Omar', 'Pia'];
const LAST = ['Ng', 'Berg', 'Costa', 'Diaz', 'Ek', 'Fox', 'Gray', 'Holm', 'Ito', 'Jansen', 'Kim', 'Lund', 'Moss', 'Nagy'];
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Tokyo', 'UTC'];

const accountId = (rng: SeededRandom): string => `5b${rng.hex8()}${rng.hex8()}${rng.hex8().slice(0, 6)}`;
const customerId = (rng: SeededRandom): string =>
  `qm:${rng.hex8()}-${rng.hex8().slice(0, 4)}-4${rng.hex8().slice(0, 3)}-a${rng.hex8().slice(0, 3)}-${rng.hex8()}${rng.hex8().slice(0, 4)}:${rng.hex8()}`;

const person = (input: PersonInput, rng: SeededRandom, i: number): SitePerson => {
  const displayName = input.displayName ?? `${rng.pick(FIRST)} ${rng.pick(LAST)} ${i}`;
  const slug = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '.');
  return {
    accountId: input.accountId,
    displayName,
    email: input.email === undefined ? `${slug}@example.com` : input.email,
    active: input.active ?? true,
    accountType: input.accountType ?? 'atlassian',
    timeZone: rng.pick(ZONES),
  };
};

/** Generated people and groups when none are given: `users` directory users in `groups` groups. */
const generatedPeople = (o: ResolvedSiteOptions, rng: SeededRandom): PeopleInput => {
  const users: PersonInput[] = [];
  for (let i = 0; i < o.users; i += 1) users.push({ accountId: accountId(rng), active: !rng.chance(0.05) });
  const groups = Array.from({ length: o.groups }, (_, g) => ({
    groupId: `${rng.hex8()}-${rng.hex8().slice(0, 4)}-4${rng.hex8().slice(0, 3)}-8${rng.hex8().slice(0, 3)}-${rng.hex8()}${rng.hex8().slice(0, 4)}`,
    name: g === 0 ? 'jira-software-users' : `team-${g}`,
    members: rng.sample(users, rng.int(0, Math.ceil(users.length / 3))).map((u) => u.accountId),
  }));
  return { users, groups };
};

/** The site's people (given or generated, plus portal-only customers) and groups. */
export const buildPeople = (
  o: ResolvedSiteOptions,
  rng: SeededRandom,
): { people: Map<string, SitePerson>; groups: SiteGroup[] } => {
  const input = o.people ?? generatedPeople(o, rng);
  const people = new Map<string, SitePerson>();
  input.users.forEach((u, i) => people.set(u.accountId, person(u, rng, i)));
  for (let i = 0; i < o.customerAccounts; i += 1) {
    const id = customerId(rng);
    people.set(id, person({ accountId: id, accountType: 'customer', active: !rng.chance(0.03) }, rng, input.users.length + i));
  }
  const groups = input.groups.map((g) => ({ groupId: g.groupId, name: g.name, members: g.members.filter((m) => people.has(m)) }));
  return { people, groups };
};
