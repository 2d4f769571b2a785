import { z } from 'zod';
import { productKeySchema } from './product';

export const accountTypeSchema = z.enum(['atlassian', 'customer', 'app']);
export const accountStatusSchema = z.enum(['active', 'inactive', 'closed']);
export const membershipStatusSchema = z.enum(['active', 'suspended', 'no_membership']);
export const managementSourceSchema = z.enum(['invited', 'synced']);
export const platformRoleSchema = z.string().min(1).max(64);

/** The user's access to one product on one site, with the last time they used it (UTC). */
export const productAccessSchema = z.object({
  productKey: productKeySchema,
  resourceId: z.string().min(1),
  /** null: the directory returned the access but no activity (never used or not yet known, see `activityKnown`). */
  lastActiveAt: z.date().nullable(),
});
export type ProductAccess = z.infer<typeof productAccessSchema>;

export const groupRefSchema = z.object({ id: z.string().min(1), name: z.string() });
export type GroupRef = z.infer<typeof groupRefSchema>;

/** The directory the sync read a user from; `name` is empty when the Admin API gives none. */
export const directoryRefSchema = z.object({ id: z.string().min(1), name: z.string() });
export type DirectoryRef = z.infer<typeof directoryRefSchema>;

/** The directory's name as shown to the admin; null when there is no directory or the API gives it no name. */
export const directoryName = (ref: DirectoryRef | null | undefined): string | null => (ref === null || ref === undefined || ref.name === '' ? null : ref.name);

/**
 * A person (or app) in the organization's directory, as last synced.
 * `activityKnown` is false until activity has been read successfully for this user; until then the
 * user is `unknown` for every inactivity rule and no action may be based on their inactivity.
 */
export const userSchema = z.object({
  accountId: z.string().min(1).max(128),
  name: z.string(),
  email: z.string().nullable(),
  accountType: accountTypeSchema,
  accountStatus: accountStatusSchema,
  membershipStatus: membershipStatusSchema,
  /** Managed accounts belong to a verified domain of the org and can be deactivated account-wide. */
  managed: z.boolean(),
  managementSource: managementSourceSchema.nullable(),
  billable: z.boolean(),
  addedToOrgAt: z.date().nullable(),
  productAccess: z.array(productAccessSchema),
  activityKnown: z.boolean(),
  groups: z.array(groupRefSchema),
  platformRoles: z.array(platformRoleSchema),
  /**
   * The directory the sync read the user from (B2 hand-off); absent when not known: a live read after an action
   * leaves it out, and the upsert then keeps the stored one.
   */
  directory: directoryRefSchema.optional(),
});
export type User = z.infer<typeof userSchema>;
export type AccountStatus = z.infer<typeof accountStatusSchema>;

/** Deactivated means the account itself is disabled; suspended means its directory membership is. */
export const isDeactivated = (user: User): boolean => user.accountStatus !== 'active';
export const isSuspended = (user: User): boolean => user.membershipStatus === 'suspended';
/**
 * An account provisioned by an identity provider (SCIM, `managementSource: synced`): the directory refuses to
 * deactivate or reactivate it (`externalDirectory.scim`); the identity provider decides its lifecycle.
 */
export const isIdpManaged = (user: User): boolean => user.managementSource === 'synced';
