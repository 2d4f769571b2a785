import { z } from 'zod';
import {
  accountStatusSchema,
  accountTypeSchema,
  managementSourceSchema,
  membershipStatusSchema,
  platformRoleSchema,
  type GroupRef,
  type ProductAccess,
  type User,
} from '../../../domain/model/user';
import { sqlBool, sqlDateTimeOrNull, sqlEpochMsOrNull, sqlInt, sqlJson } from '../sql/sqlValues';

/** The user columns a read selects (alias `u`). */
export const userSelectList =
  'u.account_id, u.name, u.email, u.account_type, u.account_status, u.membership_status, u.managed, ' +
  'u.management_source, u.billable, u.added_to_org_at, u.activity_known, u.platform_roles, u.seen_generation, ' +
  'u.directory_id, u.directory_name';

/** A `users` row as a read selects it ({@link userSelectList}). */
export const userRowSchema = z
  .object({
    account_id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    account_type: accountTypeSchema,
    account_status: accountStatusSchema,
    membership_status: membershipStatusSchema,
    managed: sqlBool,
    management_source: managementSourceSchema.nullable(),
    billable: sqlBool,
    added_to_org_at: sqlDateTimeOrNull,
    activity_known: sqlBool,
    platform_roles: sqlJson(z.array(platformRoleSchema)),
    seen_generation: sqlInt,
    directory_id: z.string().nullable(),
    directory_name: z.string().nullable(),
  })
  .loose();
export type UserRow = z.output<typeof userRowSchema>;

/** An access row joined with its product (`products` gives the key and site back). */
export const accessRowSchema = z.object({
  account_id: z.string(),
  product_key: z.string(),
  resource_id: z.string(),
  last_active_ms: sqlEpochMsOrNull,
  seen_generation: sqlInt,
});

/** A membership row joined with its group (`directory_groups` gives the id and the name). */
export const memberRowSchema = z.object({ account_id: z.string(), group_id: z.string(), group_name: z.string(), seen_generation: sqlInt });

/** A user from their row and their current access and groups. */
export const toUser = (r: UserRow, productAccess: ProductAccess[], groups: GroupRef[]): User => ({
  accountId: r.account_id,
  name: r.name,
  email: r.email,
  accountType: r.account_type,
  accountStatus: r.account_status,
  membershipStatus: r.membership_status,
  managed: r.managed,
  managementSource: r.management_source,
  billable: r.billable,
  addedToOrgAt: r.added_to_org_at,
  productAccess,
  activityKnown: r.activity_known,
  groups,
  platformRoles: r.platform_roles,
  ...(r.directory_id === null ? {} : { directory: { id: r.directory_id, name: r.directory_name ?? '' } }),
});

/**
 * Assembles users from their row and their access and membership rows (in the order given). A child row older
 * than its user's row is one the user's last write did not repeat: a row an upsert left for the end-of-walk sweep
 * (`staleRows: 'at-mark-left'`), which the user no longer has.
 */
export const toUsers = (
  rows: readonly UserRow[],
  access: readonly z.output<typeof accessRowSchema>[],
  members: readonly z.output<typeof memberRowSchema>[],
): User[] => {
  const generationOf = new Map(rows.map((r) => [r.account_id, r.seen_generation]));
  const current = (child: { account_id: string; seen_generation: number }): boolean =>
    child.seen_generation >= (generationOf.get(child.account_id) ?? Number.POSITIVE_INFINITY);
  const accessBy = new Map<string, ProductAccess[]>();
  for (const a of access) {
    if (!current(a)) continue;
    const list = accessBy.get(a.account_id) ?? [];
    list.push({ productKey: a.product_key, resourceId: a.resource_id, lastActiveAt: a.last_active_ms });
    accessBy.set(a.account_id, list);
  }
  const groupsBy = new Map<string, GroupRef[]>();
  for (const m of members) {
    if (!current(m)) continue;
    const list = groupsBy.get(m.account_id) ?? [];
    list.push({ id: m.group_id, name: m.group_name });
    groupsBy.set(m.account_id, list);
  }
  return rows.map((r) => toUser(r, accessBy.get(r.account_id) ?? [], groupsBy.get(r.account_id) ?? []));
};
