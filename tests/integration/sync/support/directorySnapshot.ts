import { sql } from '@forge/sql';
import { z } from 'zod';
import { productEntry, type DirectoryView, type MemberView } from './directoryTruth';

const flag = z.union([z.number(), z.boolean()]).transform((v) => v === true || v === 1);
const text = z.string();

/** A BIGINT epoch-ms column (a number or a numeric string, depending on the driver), or NULL. */
const epochMs = z.coerce.number().nullable();

const rows = async <S extends z.ZodType>(query: string, schema: S): Promise<z.output<S>[]> =>
  z.array(schema).parse((await sql.prepare<unknown>(query).execute()).rows);

const userRow = z.object({
  account_id: text,
  name: text,
  email: text.nullable(),
  managed: flag,
  account_status: text,
  membership_status: text,
  activity_known: flag,
  inactivity_key: z.coerce.number(),
  platform_roles: text,
});
const accessRow = z.object({
  account_id: text,
  product_key: text,
  resource_id: text,
  last_active_ms: epochMs,
  inactivity_key: z.coerce.number(),
});
const pair = (a: string, b: string): z.ZodType<string> =>
  z.object({ [a]: text, [b]: text }).transform((r) => `${String(r[a])}|${String(r[b])}`);

/** The composite status users/search reports, from the stored account and membership statuses. */
const statusOf = (account: string, membership: string): MemberView['status'] =>
  account !== 'active' ? 'deactivated' : membership === 'suspended' ? 'suspended' : 'active';

/** A member as stored, with whether its activity is known and the inactivity keys of the user and its access rows. */
export interface StoredMember extends MemberView {
  activityKnown: boolean;
  inactivityKeys: number[];
}

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};

/** The synced copy as the sync left it in SQL: members still in the org (not marked as left) and the rest. */
export const storedMembers = async (): Promise<StoredMember[]> => {
  const users = await rows('SELECT * FROM users WHERE left_generation IS NULL ORDER BY account_id', userRow);
  // Access rows name their product and memberships their group by hash: the ids come from the joined rows.
  const access = groupBy(
    await rows(
      'SELECT a.account_id, p.product_key, p.resource_id, a.last_active_ms, a.inactivity_key FROM user_product_access a ' +
        'JOIN products p ON p.product_hash = a.product_hash WHERE a.user_left = 0',
      accessRow,
    ),
    (r) => r.account_id,
  );
  const members = groupBy(
    await rows(
      'SELECT m.account_id, g.group_id FROM group_members m JOIN directory_groups g ON g.group_hash = m.group_hash ' +
        'WHERE m.user_left = 0',
      z.object({ account_id: text, group_id: text }),
    ),
    (r) => r.account_id,
  );
  return users.map((u) => ({
    accountId: u.account_id,
    name: u.name,
    email: u.email,
    managed: u.managed,
    status: statusOf(u.account_status, u.membership_status),
    platformRoles: z.array(text).parse(JSON.parse(u.platform_roles)).sort(),
    groupIds: (members.get(u.account_id) ?? []).map((m) => m.group_id).sort(),
    products: (access.get(u.account_id) ?? [])
      .map((a) => productEntry(a.resource_id, a.product_key, a.last_active_ms))
      .sort(),
    activityKnown: u.activity_known,
    inactivityKeys: [u.inactivity_key, ...(access.get(u.account_id) ?? []).map((a) => a.inactivity_key)],
  }));
};

const set = async (query: string, schema: z.ZodType<string>): Promise<string[]> => [...new Set(await rows(query, schema))].sort();

/** The whole synced directory in the form of {@link DirectoryView}; `workspaces` only for `resourceIds`. */
export const storedDirectory = async (resourceIds: readonly string[]): Promise<DirectoryView> => {
  const members = (await storedMembers()).map(({ activityKnown: _known, inactivityKeys: _keys, ...member }) => member);
  const workspaceRow = z
    .object({ resource_id: text, seat_capacity: z.coerce.number().nullable() })
    .transform((r) => `${r.resource_id}|${String(r.seat_capacity)}`);
  const wanted = new Set(resourceIds);
  return {
    members,
    groups: await set(
      'SELECT group_id, name, idp_synced FROM directory_groups',
      z.object({ group_id: text, name: text, idp_synced: flag }).transform((r) => `${r.group_id}|${r.name}|${String(r.idp_synced)}`),
    ),
    grants: await set(
      'SELECT group_id, resource_id, role FROM group_grants',
      z.object({ group_id: text, resource_id: text, role: text }).transform((r) => `${r.group_id}|${r.resource_id}|${r.role}`),
    ),
    workspaces: (await set('SELECT resource_id, seat_capacity FROM products', workspaceRow)).filter((w) =>
      wanted.has(w.split('|')[0] ?? ''),
    ),
    roleMembers: await set(
      'SELECT project_key, role_name, account_id, via_group_id FROM project_role_members',
      z
        .object({ project_key: text, role_name: text, account_id: text, via_group_id: text })
        .transform((r) => `${r.project_key}|${r.role_name}|${r.account_id}|${r.via_group_id}`),
    ),
    customers: await set('SELECT service_desk_id, account_id FROM jsm_customers', pair('service_desk_id', 'account_id')),
    organizationMembers: await set(
      'SELECT organization_id, account_id FROM jsm_organization_members',
      pair('organization_id', 'account_id'),
    ),
  };
};
