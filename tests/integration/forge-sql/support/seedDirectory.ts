import { faker } from '@faker-js/faker';
import type { Group } from '../../../../src/domain/model/group';
import type { Product } from '../../../../src/domain/model/product';
import type { ProductAccess, User } from '../../../../src/domain/model/user';

/** The fixed "now" of the integration tests. */
export const NOW = new Date('2025-06-15T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
export const SITE_A = 'ari:cloud:platform::site/aaaaaaaa-0000-0000-0000-000000000001';
export const SITE_B = 'ari:cloud:platform::site/bbbbbbbb-0000-0000-0000-000000000002';

export const products: Product[] = [
  { key: 'jira-software', resourceId: SITE_A, name: 'Jira', siteUrl: 'https://a.atlassian.net', seatCapacity: 1500 },
  { key: 'confluence', resourceId: SITE_A, name: 'Confluence', siteUrl: 'https://a.atlassian.net', seatCapacity: 800 },
  { key: 'jira-servicedesk', resourceId: SITE_A, name: 'JSM', siteUrl: 'https://a.atlassian.net', seatCapacity: 50 },
  { key: 'jira-software', resourceId: SITE_B, name: 'Jira', siteUrl: 'https://b.atlassian.net', seatCapacity: null },
  { key: 'statuspage', resourceId: SITE_A, name: 'Statuspage', siteUrl: null, seatCapacity: 10 },
];

/** Names with ties and accents, so sorts need their tie-breaker and search its folding. */
const awkwardNames = ['Émile Zola', 'emile zola', 'Zoë Ångström', 'Ólafur Arnalds', 'Anne  Smith', 'anne smith', 'O’Brien'];
const domains = ['example.com', 'vip.example', 'corp.test', 'other.org', 'example.com'];

export const groups = (count: number): Group[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `grp-${String(i).padStart(4, '0')}`,
    name: i % 7 === 0 ? `Team ${String(i % 5)}` : `${faker.commerce.department()} ${String(i)}`,
    description: i % 3 === 0 ? null : `Group ${String(i)}`,
    idpSynced: i % 10 === 0,
    modifiable: i % 10 !== 0,
    userCount: 0,
    grants: i % 4 === 0 ? [{ productKey: 'jira-software', resourceId: SITE_A, role: 'product/member' }] : [],
  }));

const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items);

/** Activity `days` before NOW, plus some hours and milliseconds so boundaries are exercised. */
const activity = (): Date | null => {
  const roll = faker.number.float();
  if (roll < 0.1) return null;
  const days = roll < 0.6 ? faker.number.int({ max: 89 }) : faker.number.int({ min: 85, max: 400 });
  return new Date(NOW.getTime() - days * DAY_MS - faker.number.int({ max: DAY_MS - 1 }));
};

const accesses = (): ProductAccess[] => {
  const chosen = faker.helpers.arrayElements(products, { min: 0, max: 3 });
  return chosen.map((p) => ({ productKey: p.key, resourceId: p.resourceId, lastActiveAt: activity() }));
};

/** A reproducible directory of `count` users over `groupList` (same seed → same users). */
export const seedUsers = (count: number, groupList: readonly Group[], seed = 7): User[] => {
  faker.seed(seed);
  return Array.from({ length: count }, (_, i) => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const name = i % 97 === 0 ? pick(awkwardNames) : `${first} ${last}`;
    const email =
      i % 41 === 0 ? null : `${first}.${last}${String(i)}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + `@${pick(domains)}`;
    const known = faker.number.float() > 0.05;
    return {
      accountId: `acc-${String(i).padStart(6, '0')}`,
      name,
      email: i % 53 === 0 && email !== null ? email.toUpperCase() : email,
      accountType: i % 67 === 0 ? 'app' : 'atlassian',
      accountStatus: pick(['active', 'active', 'active', 'active', 'active', 'active', 'inactive', 'closed'] as const),
      membershipStatus: pick(['active', 'active', 'active', 'suspended'] as const),
      managed: faker.number.float() < 0.7,
      managementSource: pick(['invited', 'synced', null] as const),
      billable: faker.number.float() < 0.8,
      addedToOrgAt: i % 29 === 0 ? null : new Date(NOW.getTime() - faker.number.int({ min: 1, max: 900 }) * DAY_MS),
      productAccess: accesses(),
      activityKnown: known,
      groups: faker.helpers.arrayElements(groupList, { min: 0, max: 4 }).map((g) => ({ id: g.id, name: g.name })),
      platformRoles: i % 50 === 0 ? ['org-admin'] : [],
    };
  });
};

/** A user as a repository returns it: access and groups in their stored order. */
export const normalized = (user: User): User => ({
  ...user,
  productAccess: [...user.productAccess].sort((a, b) =>
    a.productKey === b.productKey ? cmp(a.resourceId, b.resourceId) : cmp(a.productKey, b.productKey),
  ),
  groups: [...user.groups].sort((a, b) => cmp(a.id, b.id)),
});

export const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
