import type { Group } from '../../domain/model/group';
import type { Product } from '../../domain/model/product';
import type { AccountStatus, ProductAccess, User } from '../../domain/model/user';
import type { UserActivity } from '../../domain/ports/directoryReader';
import type { DirectoryGroup, DirectoryUser, GroupRoleAssignment, LastActivePage } from './schemas';
import type { WorkspacePage } from './schemas.misc';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * An ISO-8601 date (`yyyy-MM-dd`, read as UTC midnight) or date-time with a zone, as the Admin API writes them;
 * anything else — `Date.parse`'s lenient readings such as `"0"`, `"2024"` or `"2024-02-30"` — is null, because a
 * wrong activity date is worse than none (an unreadable one keeps the user's activity unknown).
 */
export const parseDate = (value: string | null | undefined): Date | null => {
  const text = value?.trim() ?? '';
  const parts = ISO_INSTANT.exec(text);
  if (parts === null) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const ms = Date.parse(parts[4] === undefined ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? null : new Date(ms);
};

/** `ari:cloud:jira-core::site/1` → `jira-core`. */
export const ownerOfAri = (ari: string): string | null => /^ari:cloud:([^:]+)::/.exec(ari)?.[1] ?? null;

/**
 * The bare group id of a users/search `groups[].id`: that expand names groups by ARI
 * (`ari:cloud:identity::group/{id}`) while groups/search answers the bare id; memberships are stored under the
 * bare id so that they join the synced groups (filters, member counts, pruning).
 */
export const bareGroupId = (id: string): string => id.replace(/^ari:cloud:identity::group\//, '');

type Membership = User['membershipStatus'];
type Composite = NonNullable<DirectoryUser['status']>;

const fromComposite: Record<Composite, { account: AccountStatus; membership: Membership }> = {
  active: { account: 'active', membership: 'active' },
  suspended: { account: 'active', membership: 'suspended' },
  not_invited: { account: 'active', membership: 'no_membership' },
  deactivated: { account: 'inactive', membership: 'active' },
  for_deletion: { account: 'inactive', membership: 'active' },
};

/** One entry per product and site; if the list repeats one, the latest activity wins (none < any). */
const latestPerProduct = (access: ProductAccess[]): ProductAccess[] => {
  const byProduct = new Map<string, ProductAccess>();
  for (const entry of access) {
    const key = `${entry.productKey}\u0000${entry.resourceId}`;
    const seen = byProduct.get(key);
    if (seen === undefined || (entry.lastActiveAt?.getTime() ?? -1) > (seen.lastActiveAt?.getTime() ?? -1)) byProduct.set(key, entry);
  }
  return [...byProduct.values()];
};

/**
 * Product activity of a user from the `productAccess` expand (docs/decisions.md, "Activity from users/search").
 * Activity is *known* when the expand came back non-empty and at least one entry carries a valid
 * `lastActiveTimestamp`: the user's activity record was attached, so an entry of the same list without a timestamp
 * is a product the user holds but never used (as last-active-dates leaves never-used products out). An absent or
 * empty list, or a list in which no entry has a timestamp, cannot be told apart from "data missing", so the user
 * stays `activityKnown: false` — never counted as inactive — and the per-user last-active-dates fallback decides.
 */
const activityOf = (entries: DirectoryUser['productAccess']): { access: ProductAccess[]; known: boolean } => {
  if (!entries || entries.length === 0) return { access: [], known: false };
  let anyTimestamp = false;
  let complete = true;
  const access: ProductAccess[] = [];
  for (const entry of entries) {
    const lastActiveAt = parseDate(entry.lastActiveTimestamp);
    if (lastActiveAt !== null) anyTimestamp = true;
    // A timestamp that is present but unreadable is data we could not use: not a "never used".
    if (entry.lastActiveTimestamp !== undefined && entry.lastActiveTimestamp !== null && lastActiveAt === null) complete = false;
    if (!entry.key || !entry.id) complete = false;
    else access.push({ productKey: entry.key, resourceId: entry.id, lastActiveAt });
  }
  return { access: latestPerProduct(access), known: anyTimestamp && complete };
};

/** `MultiDirectoryUser` → domain User. */
export const toUser = (u: DirectoryUser): User => {
  const composite = u.status ? fromComposite[u.status] : null;
  const accountStatus = u.accountStatus ?? composite?.account ?? 'active';
  const membershipStatus = u.membershipStatus ?? composite?.membership ?? 'active';
  const { access, known } = activityOf(u.productAccess);
  return {
    accountId: u.accountId,
    name: u.name ?? u.nickname ?? u.email ?? '',
    email: u.email ?? null,
    accountType: u.accountType ?? 'atlassian',
    accountStatus,
    membershipStatus,
    managed: u.claimStatus === 'managed',
    managementSource: u.managementSource ?? null,
    // The directory does not say which roles bill; an active member holding access to a product holds a seat.
    billable: accountStatus === 'active' && membershipStatus === 'active' && access.length > 0,
    addedToOrgAt: parseDate(u.addedToOrg),
    productAccess: access,
    activityKnown: known,
    groups: (u.groups ?? []).map((g) => ({ id: bareGroupId(g.id), name: g.name ?? '' })),
    platformRoles: (u.platformRoles ?? []).filter((r) => r.length > 0),
  };
};

/** Role assignments of a group → the product grants its membership gives (one per role and site). */
export const toGrants = (assignments: GroupRoleAssignment[]): Group['grants'] =>
  assignments.flatMap((a) => {
    const roles = a.roles && a.roles.length > 0 ? a.roles : a.defaultRole ? [a.defaultRole] : [];
    const productKey = a.resourceOwner ?? ownerOfAri(a.resourceId) ?? 'unknown';
    return roles.map((role) => ({ productKey, resourceId: a.resourceId, role }));
  });

/** `MultiDirectoryGroup` → domain Group; IdP-synced groups are never modifiable. */
export const toGroup = (g: DirectoryGroup, grants: Group['grants']): Group => {
  const idpSynced = g.externalSynced === true || g.managedBy === 'external';
  return {
    id: g.id,
    name: g.name ?? '',
    description: g.description ?? null,
    idpSynced,
    modifiable: !idpSynced && g.managementAccess?.modifiable !== false,
    userCount: g.counts?.users ?? 0,
    grants,
  };
};

type Workspace = WorkspacePage['data'][number];

/** `WorkspaceModel` → Product; the workspace id is the resource for role assign / revoke. */
export const toProduct = (w: Workspace): Product => ({
  key: w.attributes.typeKey ?? w.attributes.type ?? ownerOfAri(w.id) ?? 'unknown',
  resourceId: w.id,
  name: w.attributes.name ?? '',
  siteUrl: w.attributes.hostUrl ?? null,
  seatCapacity: w.attributes.capacity ?? null,
});

/** All pages of one user's last-active-dates → UserActivity (an empty list: never used any product). */
export const toUserActivity = (accountId: string, pages: LastActivePage[]): UserActivity => ({
  accountId,
  addedToOrgAt: parseDate(pages[0]?.data.added_to_org_timestamp) ?? parseDate(pages[0]?.data.added_to_org),
  products: pages.flatMap((p) =>
    p.data.product_access.map((a) => ({
      productKey: a.key,
      resourceId: a.id,
      lastActiveAt: parseDate(a.last_active_timestamp) ?? parseDate(a.last_active),
    })),
  ),
});
