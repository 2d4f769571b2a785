import { z } from 'zod';
import { DomainError } from '../../domain/model/errors';
import { groupSchema, type Group } from '../../domain/model/group';
import { productSchema } from '../../domain/model/product';
import { userSchema } from '../../domain/model/user';
import type { ApiKeyChecks } from '../../domain/ports/apiKeyChecks';
import type { DirectoryReader } from '../../domain/ports/directoryReader';
import { collectPages } from './collect';
import type { AdminHttp } from './http';
import { toGrants, toGroup, toProduct, toUser } from './mappers';
import { path } from './request';
import { groupRoleAssignmentPageSchema, groupSearchPageSchema, userSearchPageSchema } from './schemas';
import { directoryPageSchema, orgPageSchema, workspacePageSchema } from './schemas.misc';

const PAGE_SIZE = 100;

/* Page schemas map to domain objects and re-check them: a body the domain cannot hold is a malformed page. */
const nextCursor = z.string().nullable();
const usersPage = userSearchPageSchema
  .transform((p) => ({ items: p.data.map(toUser), next: p.links?.next ?? null }))
  .pipe(z.object({ items: z.array(userSchema), next: nextCursor }));
const productsPage = workspacePageSchema
  .transform((p) => ({ items: p.data.map(toProduct), next: p.links?.next ?? null }))
  .pipe(z.object({ items: z.array(productSchema), next: nextCursor }));
const groupsPage = groupSearchPageSchema.refine(
  (p) => p.data.every((g) => groupSchema.safeParse(toGroup(g, [])).success),
  'a group the domain cannot hold',
);
const grantsPage = groupRoleAssignmentPageSchema
  .transform((p) => ({ items: toGrants(p.data), next: p.links?.next ?? null }))
  .pipe(z.object({ items: groupSchema.shape.grants, next: nextCursor }));

/** The API takes 1 to 10 `accountIds`. */
const accountFilter = (accountIds: readonly string[]): string[] => {
  if (accountIds.length < 1 || accountIds.length > 10) {
    throw new DomainError('VALIDATION_FAILED', 'A user search filters on 1 to 10 accounts.', { accounts: accountIds.length });
  }
  return [...accountIds];
};

/** The API takes 1 to 10 `groupIds`; anything else would change the meaning of the search, so it is refused. */
const groupFilter = (groupIds: readonly string[]): string[] => {
  if (groupIds.length < 1 || groupIds.length > 10) {
    throw new DomainError('VALIDATION_FAILED', 'A user search filters on 1 to 10 groups.', { groups: groupIds.length });
  }
  return [...groupIds];
};

type Reads = Pick<ApiKeyChecks, 'listOrgs' | 'probeUserSearch'> & Pick<DirectoryReader, 'listDirectories' | 'listProducts' | 'searchUsers' | 'searchGroups'>;

/** The directory reads: organizations, directories, product workspaces, users and groups. */
export const directoryReads = (http: AdminHttp): Reads => {
  const grantsOf = async (orgId: string, directoryId: string, groupId: string): Promise<Group['grants']> =>
    collectPages('groupRoleAssignments', (cursor) =>
      http.json(
        {
          operation: 'groupRoleAssignments',
          method: 'GET',
          family: 'organizations',
          path: path`/v2/orgs/${orgId}/directories/${directoryId}/groups/${groupId}/role-assignments`,
          query: { limit: PAGE_SIZE, cursor: cursor ?? undefined },
        },
        grantsPage,
      ),
    );

  return {
    listOrgs: () =>
      collectPages('listOrgs', async (cursor) => {
        const page = await http.json(
          { operation: 'listOrgs', method: 'GET', family: 'organizations', path: '/v1/orgs', query: { cursor: cursor ?? undefined } },
          orgPageSchema,
        );
        const items = page.data.map((o) => ({ id: o.id, name: o.attributes?.name ?? '' }));
        return { items, next: page.links?.next ?? null };
      }),

    probeUserSearch: async (orgId) => {
      await http.send({
        operation: 'searchUsers',
        method: 'POST',
        family: 'organizations',
        path: path`/v2/orgs/${orgId}/directories/-/users/search`,
        body: { limit: 1 },
      });
    },

    listDirectories: (orgId) =>
      collectPages('listDirectories', async (cursor) => {
        const page = await http.json(
          {
            operation: 'listDirectories',
            method: 'GET',
            family: 'organizations',
            path: path`/v2/orgs/${orgId}/directories`,
            query: { limit: PAGE_SIZE, cursor: cursor ?? undefined },
          },
          directoryPageSchema,
        );
        const items = page.data.map((d) => ({ id: d.directoryId, name: d.name ?? '' }));
        return { items, next: page.links?.next ?? null };
      }),

    // "When a cursor is provided in the request body, no other properties may be present."
    listProducts: (orgId) =>
      collectPages('searchWorkspaces', (cursor) =>
        http.json(
          {
            operation: 'searchWorkspaces',
            method: 'POST',
            family: 'organizations',
            path: path`/v2/orgs/${orgId}/workspaces`,
            body: cursor === null ? { limit: PAGE_SIZE } : { cursor },
          },
          productsPage,
        ),
      ),

    searchUsers: async (orgId, directoryId, cursor, filter) =>
      http.json(
        {
          operation: 'searchUsers',
          method: 'POST',
          family: 'organizations',
          path: path`/v2/orgs/${orgId}/directories/${directoryId}/users/search`,
          body: {
            limit: PAGE_SIZE,
            expand: ['productAccess', 'groups', 'platformRoles'],
            ...(filter === undefined ? {} : 'groupIds' in filter ? { groupIds: groupFilter(filter.groupIds) } : { accountIds: accountFilter(filter.accountIds) }),
            ...(cursor ? { cursor } : {}),
          },
        },
        usersPage,
      ),

    // Role assignments are read only for groups that hold any (`counts.resources`), all groups of the page at once.
    searchGroups: async (orgId, directoryId, cursor) => {
      const page = await http.json(
        {
          operation: 'searchGroups',
          method: 'POST',
          family: 'organizations',
          path: path`/v2/orgs/${orgId}/directories/${directoryId}/groups/search`,
          body: { limit: PAGE_SIZE, expand: ['counts.users', 'counts.resources'], ...(cursor ? { cursor } : {}) },
        },
        groupsPage,
      );
      const items = await Promise.all(
        page.data.map(async (g) => {
          const grants = g.counts?.resources === 0 ? [] : await grantsOf(orgId, directoryId, g.id);
          return toGroup(g, grants);
        }),
      );
      return { items, next: page.links?.next ?? null };
    },
  };
};
