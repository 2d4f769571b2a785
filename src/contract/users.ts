import { z } from 'zod';
import {
  accountIdSchema,
  accountStatuses,
  accountTypes,
  cursorSchema,
  groupIdSchema,
  inactivityStateSchema,
  inactivityStates,
  isoInstantSchema,
  membershipStatuses,
  pageLimit,
  pageSchema,
  productKeyInputSchema,
} from './common';
import { auditPageSchema } from './audit';

export const userSortKeys = ['name', 'email', 'accountStatus', 'lastActiveAt', 'addedToOrgAt', 'inactivity', 'managed', 'billable'] as const;
export type UserSortKey = (typeof userSortKeys)[number];

/**
 * U4 / I1 filters, all optional, combined with AND. `inactivity` with `productKey` filters on that product's state
 * (the Inactive users view uses `inactivity: ['warning','overdue','never-active']`).
 */
export const userFilterSchema = z
  .object({
    /** Prefix of name or email, case- and accent-insensitive. */
    search: z.string().trim().min(1).max(200).optional(),
    accountStatus: z.array(z.enum(accountStatuses)).max(accountStatuses.length).optional(),
    productKey: productKeyInputSchema.optional(),
    inactivity: z.array(z.enum(inactivityStates)).max(inactivityStates.length).optional(),
    groupId: groupIdSchema.optional(),
    managed: z.boolean().optional(),
    billable: z.boolean().optional(),
    protected: z.boolean().optional(),
    includeLeft: z.boolean().optional(),
  })
  .strict();
export type UserFilterDto = z.infer<typeof userFilterSchema>;

export const userSortSchema = z.object({ key: z.enum(userSortKeys), direction: z.enum(['asc', 'desc']) }).strict();

/** users.list: one keyset page (limit up to 500 for the CSV export, X1). */
export const usersListPayloadSchema = z
  .object({
    filter: userFilterSchema.default({}),
    sort: userSortSchema.default({ key: 'name', direction: 'asc' }),
    limit: pageLimit(500, 50),
    after: cursorSchema,
  })
  .strict();
export type UsersListPayload = z.input<typeof usersListPayloadSchema>;

/** users.count: how many users match (asked once per filter, not per page). */
export const usersCountPayloadSchema = z.object({ filter: userFilterSchema.default({}) }).strict();
export const usersCountSchema = z.object({ count: z.number() });

export const userProductDtoSchema = z.object({
  productKey: z.string(),
  resourceId: z.string(),
  productName: z.string().nullable(),
  lastActiveAt: isoInstantSchema.nullable(),
  inactivity: inactivityStateSchema,
});

/** Everything U1 shows about one user. */
export const userRowSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  accountType: z.enum(accountTypes),
  accountStatus: z.enum(accountStatuses),
  membershipStatus: z.enum(membershipStatuses),
  managed: z.boolean(),
  billable: z.boolean(),
  addedToOrgAt: isoInstantSchema.nullable(),
  /**
   * The product `lastActiveAt`, `inactivity` and `inactiveDays` are of: the list's product filter (I1); null when
   * they are over every product.
   */
  activityProduct: z.string().nullable(),
  /** Most recent activity: across products, or in `activityProduct`. */
  lastActiveAt: isoInstantSchema.nullable(),
  inactivity: inactivityStateSchema,
  /** Whole days inactive (since last activity, or since added when never active); null when unknown. */
  inactiveDays: z.number().nullable(),
  products: z.array(userProductDtoSchema),
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  protected: z.boolean(),
  /** The user's page in admin.atlassian.com (`https://admin.atlassian.com/o/<orgId>/users/<accountId>`); null without a key. */
  adminUrl: z.string().nullable(),
});
export type UserRowDto = z.infer<typeof userRowSchema>;

export const usersPageSchema = pageSchema(userRowSchema);
export type UsersPageDto = z.infer<typeof usersPageSchema>;

/** users.detail (U5): the user plus their audit history, newest first, paged. */
export const usersDetailPayloadSchema = z
  .object({ accountId: accountIdSchema, auditLimit: pageLimit(100, 20), auditAfter: cursorSchema })
  .strict();

/** U5: what grants one product; no groups means a product role given to the user directly. */
export const accessPathSchema = z.object({
  productKey: z.string(),
  resourceId: z.string(),
  productName: z.string().nullable(),
  /** `directory`: the name of the directory the group was synced into (null when not known). */
  groups: z.array(z.object({ id: z.string(), name: z.string(), idpSynced: z.boolean(), directory: z.string().nullable() })),
});
export type AccessPathDto = z.infer<typeof accessPathSchema>;

export const userDetailSchema = z.object({
  user: userRowSchema,
  platformRoles: z.array(z.string()),
  /** The whitelist entries that protect this user (normalized form). */
  protectedBy: z.array(z.string()),
  /** Per product the user has: what grants it (a direct role or groups). */
  accessPaths: z.array(accessPathSchema),
  audit: auditPageSchema,
});
export type UserDetailDto = z.infer<typeof userDetailSchema>;
