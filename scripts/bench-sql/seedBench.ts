import { faker } from '@faker-js/faker';
import type { AuditEntry } from '../../src/domain/model/audit';
import { auditActionSchema } from '../../src/domain/model/audit';
import type { Group } from '../../src/domain/model/group';
import type { Product } from '../../src/domain/model/product';
import type { ProductAccess, User } from '../../src/domain/model/user';

const DAY_MS = 86_400_000;
export const BENCH_NOW = new Date('2025-06-15T12:00:00.000Z');
const SITE = 'ari:cloud:platform::site/5f1c0000-0000-4000-8000-000000000001';

export const benchProducts: Product[] = [
  ['jira-software', 'Jira', 90_000], ['confluence', 'Confluence', 80_000], ['jira-servicedesk', 'Jira Service Management', 2_000],
  ['loom', 'Loom', 20_000], ['trello', 'Trello', null], ['statuspage', 'Statuspage', 50],
].map(([key, name, seats]) => ({ key: String(key), resourceId: SITE, name: String(name), siteUrl: 'https://acme.atlassian.net', seatCapacity: seats as number | null }));

/** Product popularity: about three products per user on average. */
const productWeights = [0.95, 0.85, 0.25, 0.45, 0.35, 0.15];
const domains = ['acme.com', 'acme.co.uk', 'acme-labs.io', 'contractors.acme.com', 'gmail.com', 'partner.example'];

export const benchGroups = (count: number): Group[] => {
  faker.seed(2024);
  return Array.from({ length: count }, (_, i) => ({
    id: `g-${faker.string.uuid()}`,
    name: `${faker.commerce.department()}-${faker.location.city()}-${String(i)}`.toLowerCase().replace(/\s+/g, '-'),
    description: faker.company.catchPhrase(),
    idpSynced: i % 5 === 0,
    modifiable: i % 5 !== 0,
    userCount: 0,
    grants: i % 10 === 0 ? [{ productKey: benchProducts[i % 3]?.key ?? 'jira-software', resourceId: SITE, role: 'product/member' }] : [],
  }));
};

/** Inactive users (20%) last used anything 91-720 days ago; the rest within the last 89 days. */
const accessFor = (inactive: boolean): ProductAccess[] => {
  const base = inactive ? faker.number.int({ min: 91, max: 720 }) : faker.number.int({ max: 89 });
  let first = true;
  return benchProducts.flatMap((p, i) => {
    if (faker.number.float() >= (productWeights[i] ?? 0)) return [];
    const never = !first && faker.number.float() < 0.08;
    // The most used product sets the user's overall activity; the others were used less recently.
    const days = first ? base : base + faker.number.int({ max: 200 });
    first = false;
    return [{ productKey: p.key, resourceId: p.resourceId, lastActiveAt: never ? null : new Date(BENCH_NOW.getTime() - days * DAY_MS - faker.number.int({ max: DAY_MS })) }];
  });
};

/** User `index` of a realistic 100,000-user organization (seeded: the same every run). */
export const benchUsers = (from: number, count: number, groups: readonly Group[]): User[] => {
  faker.seed(1000 + from);
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const domain = faker.helpers.arrayElement(domains);
    return {
      accountId: benchAccountId(i),
      name: `${first} ${last}`,
      email: `${first}.${last}.${String(i)}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      accountType: i % 200 === 0 ? 'app' : 'atlassian',
      accountStatus: faker.helpers.weightedArrayElement([{ value: 'active', weight: 92 }, { value: 'inactive', weight: 7 }, { value: 'closed', weight: 1 }]),
      membershipStatus: faker.number.float() < 0.03 ? 'suspended' : 'active',
      managed: domain.startsWith('acme') || domain.startsWith('contractors'),
      managementSource: faker.helpers.arrayElement(['invited', 'synced'] as const),
      billable: faker.number.float() < 0.85,
      addedToOrgAt: new Date(BENCH_NOW.getTime() - faker.number.int({ min: 1, max: 2000 }) * DAY_MS),
      productAccess: accessFor(faker.number.float() < 0.2),
      activityKnown: faker.number.float() > 0.02,
      groups: faker.helpers.arrayElements(groups, { min: 1, max: 7 }).map((g) => ({ id: g.id, name: g.name })),
      platformRoles: i % 500 === 0 ? ['org-admin'] : [],
    };
  });
};

/** Account IDs as Atlassian issues them (`557058:<uuid>`): random, so inserts do not arrive in key order. */
export const benchAccountId = (i: number): string => {
  const h = (n: number): string => ((Math.imul(i + 1, n) ^ (i * 2654435761)) >>> 0).toString(16).padStart(8, '0');
  return `557058:${h(0x9e3779b1)}-${h(0x85ebca6b).slice(0, 4)}-4${h(0xc2b2ae35).slice(0, 3)}-a${h(0x27d4eb2f).slice(0, 3)}-${h(0x165667b1)}${h(0xd3a2646c).slice(0, 4)}`;
};

const actions = auditActionSchema.options;

/** Audit entries `from`..`from+count` of 1,000,000 spread over two years, oldest first, time-ordered ids. */
export const benchAudit = (from: number, count: number, total: number): AuditEntry[] => {
  faker.seed(5000 + from);
  const span = 730 * DAY_MS;
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const at = new Date(BENCH_NOW.getTime() - span + Math.floor((i / total) * span));
    const byTask = faker.number.float() < 0.3;
    return {
      id: `${at.getTime().toString(36)}-${i.toString(36).padStart(5, '0')}`,
      at,
      actor: byTask ? { kind: 'task', taskId: `task-${String(faker.number.int(19))}` } : { kind: 'admin', accountId: `admin-${String(faker.number.int(199))}` },
      action: faker.helpers.weightedArrayElement(actions.map((value, j) => ({ value, weight: j < 6 ? 10 : 1 }))),
      targetAccountId: benchAccountId(faker.number.int(99_999)),
      outcome: faker.helpers.weightedArrayElement([{ value: 'succeeded', weight: 90 }, { value: 'skipped', weight: 7 }, { value: 'failed', weight: 3 }] as const),
      reason: null,
      details: { via: byTask ? 'task' : 'bulk-action', product: 'jira-software' },
      jobId: `job-${String(Math.floor(i / 5000))}`,
    };
  });
};
