import type { Group } from '../../../src/domain/model/group';
import type { GroupRef, ProductAccess, User } from '../../../src/domain/model/user';

/** A fixed "now" for tests: 2025-06-15T12:00:00Z. */
export const NOW = new Date('2025-06-15T12:00:00Z');
export const JIRA_SITE = 'ari:cloud:jira::site/00000000-0000-0000-0000-000000000001';
export const CONFLUENCE_SITE = 'ari:cloud:confluence::site/00000000-0000-0000-0000-000000000001';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant `days` whole days (of 24 h) before `from` (default NOW). */
export const daysAgo = (days: number, from: Date = NOW): Date => new Date(from.getTime() - days * DAY_MS);

/** A product access entry; `lastActiveAt` null means no recorded activity. */
export const access = (
  productKey: string,
  lastActiveAt: Date | null,
  resourceId: string = productKey.startsWith('confluence') ? CONFLUENCE_SITE : JIRA_SITE,
): ProductAccess => ({ productKey, resourceId, lastActiveAt });

let sequence = 0;

/** An active, managed, billable Atlassian account with known activity and no products, unless overridden. */
export const aUser = (overrides: Partial<User> = {}): User => {
  sequence += 1;
  return {
    accountId: `acc-${sequence}`,
    name: `User ${sequence}`,
    email: `user${sequence}@example.com`,
    accountType: 'atlassian',
    accountStatus: 'active',
    membershipStatus: 'active',
    managed: true,
    managementSource: 'invited',
    billable: true,
    addedToOrgAt: daysAgo(365),
    productAccess: [],
    activityKnown: true,
    groups: [],
    platformRoles: [],
    ...overrides,
  };
};

/** A modifiable, non-IdP group granting nothing, unless overridden. */
export const aGroup = (overrides: Partial<Group> = {}): Group => {
  sequence += 1;
  return {
    id: `grp-${sequence}`,
    name: `group-${sequence}`,
    description: null,
    idpSynced: false,
    modifiable: true,
    userCount: 0,
    grants: [],
    ...overrides,
  };
};

/** The membership reference a user carries for `group`. */
export const ref = (group: Group): GroupRef => ({ id: group.id, name: group.name });

/** Indexes groups by id, the shape use cases and policies take. */
export const groupsById = (...groups: Group[]): ReadonlyMap<string, Group> => new Map(groups.map((g) => [g.id, g]));
