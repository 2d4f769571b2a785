import { z } from 'zod';

/*
 * Response shapes of the Organizations API (2026-09-24 document), reduced to the fields the app uses.
 * Objects are not strict: fields we do not read are tolerated. A body that fails these schemas is a
 * malformed page: the client retries it like a 5xx and finally throws UPSTREAM_FAILED.
 */

const looksLikeUrl = (value: string): boolean =>
  /^https?:\/\//i.test(value) || value.startsWith('?') || (value.startsWith('/') && value.includes('?'));

/** v2 `LinkPageCursor.next`: a bare cursor token. */
export const cursorToken = z
  .string()
  .nullish()
  .transform((value) => (value && value.trim() !== '' ? value : null));

/**
 * v1 `LinkPageModel.next` ("URL to fetch the Next Page"): a URL whose `cursor` parameter is the cursor, or
 * a bare token. A URL without a cursor would end paging early, so it fails validation instead.
 */
export const cursorLink = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    if (!value || value.trim() === '') return null;
    if (!looksLikeUrl(value)) return value;
    const cursor = new URL(value, 'https://placeholder.invalid').searchParams.get('cursor');
    if (cursor) return cursor;
    ctx.addIssue({ code: 'custom', message: 'links.next has no cursor parameter' });
    return z.NEVER;
  });

/** `MultiDirectoryUser` (POST .../users/search), with the `productAccess`, `groups`, `platformRoles` expands. */
export const directoryUserSchema = z.object({
  accountId: z.string().min(1),
  accountType: z.enum(['atlassian', 'customer', 'app']).optional(),
  status: z.enum(['active', 'suspended', 'not_invited', 'deactivated', 'for_deletion']).optional(),
  accountStatus: z.enum(['active', 'inactive', 'closed']).optional(),
  membershipStatus: z.enum(['active', 'suspended', 'no_membership']).optional(),
  addedToOrg: z.string().nullish(),
  name: z.string().nullish(),
  nickname: z.string().nullish(),
  email: z.string().nullish(),
  claimStatus: z.enum(['managed', 'unmanaged']).nullish(),
  managementSource: z.enum(['invited', 'synced']).nullish(),
  platformRoles: z.array(z.string()).nullish(),
  productAccess: z
    .array(z.object({ key: z.string().nullish(), id: z.string().nullish(), lastActiveTimestamp: z.string().nullish() }))
    .nullish(),
  groups: z.array(z.object({ id: z.string().min(1), name: z.string().nullish() })).nullish(),
})
  // Without a status the app cannot tell an active user from a deactivated one: that page is malformed.
  .refine((u) => u.status != null || (u.accountStatus != null && u.membershipStatus != null), 'no user status');
export type DirectoryUser = z.infer<typeof directoryUserSchema>;

export const userSearchPageSchema = z.object({
  data: z.array(directoryUserSchema),
  links: z.object({ next: cursorToken }).nullish(),
});

/** `MultiDirectoryGroup` (POST .../groups/search with `expand: counts.users, counts.resources`). */
export const directoryGroupSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  description: z.string().nullish(),
  managementAccess: z.object({ modifiable: z.boolean().nullish() }).nullish(),
  externalSynced: z.boolean().nullish(),
  managedBy: z.string().nullish(),
  counts: z.object({ users: z.number().int().nonnegative().nullish(), resources: z.number().int().nullish() }).nullish(),
});
export type DirectoryGroup = z.infer<typeof directoryGroupSchema>;

export const groupSearchPageSchema = z.object({
  data: z.array(directoryGroupSchema),
  links: z.object({ next: cursorToken }).nullish(),
});

/** `MultiDirectoryGroupRoleAssignment` (GET .../groups/{groupId}/role-assignments). */
export const groupRoleAssignmentSchema = z.object({
  resourceId: z.string().min(1),
  resourceOwner: z.string().nullish(),
  defaultRole: z.string().nullish(),
  roles: z.array(z.string()).nullish(),
});
export type GroupRoleAssignment = z.infer<typeof groupRoleAssignmentSchema>;

export const groupRoleAssignmentPageSchema = z.object({
  data: z.array(groupRoleAssignmentSchema),
  links: z.object({ next: cursorToken }).nullish(),
});

/** `UserProductAccessActivityPage` (GET /v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates). */
export const lastActivePageSchema = z.object({
  data: z.object({
    product_access: z.array(
      z.object({
        id: z.string().min(1),
        key: z.string().min(1),
        last_active: z.string().nullish(),
        last_active_timestamp: z.string().nullish(),
      }),
    ),
    added_to_org: z.string().nullish(),
    added_to_org_timestamp: z.string().nullish(),
  }),
  links: z.object({ next: cursorLink }).nullish(),
});
export type LastActivePage = z.infer<typeof lastActivePageSchema>;
