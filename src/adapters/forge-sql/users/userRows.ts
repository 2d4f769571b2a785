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
import {
  byCodeUnit,
  sqlBool,
  sqlDateTimeOrNull,
  sqlEpochMsOrNull,
  sqlInt,
  sqlJson,
  toEpochMsOrNull,
  toSqlBool,
  toSqlDateTimeOrNull,
  type SqlValue,
  type Statement,
} from '../sql/sqlValues';
import { DomainError } from '../../../domain/model/errors';
import { groupHash } from '../groups/groupHash';
import { inlineLiteral, paramBytes, type MultiRowBuilder } from '../sql/multiRowStatements';
import { productHash } from '../products/productHash';
import { addedKey, emailKeys, inactivityKey, lastActivity, nameKey } from './userKeys';

/** Columns written by an upsert, in VALUES order. */
export const userColumns = [
  'account_id', 'name', 'name_key', 'email', 'email_key', 'email_domain', 'account_type', 'account_status',
  'membership_status', 'managed', 'management_source', 'billable', 'added_to_org_at', 'added_key',
  'activity_known', 'inactivity_key', 'platform_roles', 'seen_generation',
] as const;

export const accessColumns = [
  'account_id', 'product_hash', 'product_key', 'last_active_ms', 'inactivity_key', 'billable', 'seen_generation', 'write_id',
] as const;

export const memberColumns = ['account_id', 'group_hash', 'seen_generation', 'write_id'] as const;

export const userRowValues = (user: User, generation: number): SqlValue[] => {
  const { emailKey, emailDomain } = emailKeys(user.email);
  const lastActiveAt = lastActivity(user);
  return [
    user.accountId, user.name, nameKey(user.name), user.email, emailKey, emailDomain, user.accountType,
    user.accountStatus, user.membershipStatus, toSqlBool(user.managed), user.managementSource, toSqlBool(user.billable),
    toSqlDateTimeOrNull(user.addedToOrgAt), addedKey(user.addedToOrgAt), toSqlBool(user.activityKnown),
    inactivityKey(user.activityKnown, lastActiveAt),
    JSON.stringify(user.platformRoles), generation,
  ];
};

/** The most bytes one UTF-16 code unit takes in a JSON request body (a control character as `\uXXXX`). */
const MAX_JSON_BYTES_PER_UNIT = 6;
/** NFKC and NFKD turn one code point into at most 18 (U+FDFA): the most the email folding can grow a string. */
const MAX_FOLD_GROWTH = 18;
/**
 * Room for everything in a row that {@link userRowsBound} does not count by length: the name key (at most 255
 * code points, 510 code units), the enum columns, the date, the integers (at most 21 characters each), quotes,
 * commas and parentheses. Together about 4.5 KB; twice that is kept.
 */
const ROW_SLACK_BYTES = 9 * 1024;

/**
 * An upper bound on the bytes that any one row of this user (its users row, an access row or a membership row)
 * adds to a statement: every string counted at the most a code unit can cost, the email three times over at its
 * largest folding (email, key and domain), the roles once as JSON text and once as that text bound as a string.
 * Cheap, so every user of a batch can be checked before anything is sent.
 */
export const userRowsBound = (user: User): number => {
  let units = user.accountId.length + user.name.length + (user.email?.length ?? 0) * (1 + 2 * MAX_FOLD_GROWTH);
  let rolesJson = 2;
  for (const role of user.platformRoles) rolesJson += MAX_JSON_BYTES_PER_UNIT * role.length + 3;
  units += rolesJson;
  let productKey = 0;
  for (const a of user.productAccess) productKey = Math.max(productKey, a.productKey.length);
  return MAX_JSON_BYTES_PER_UNIT * (units + productKey) + ROW_SLACK_BYTES;
};

/**
 * Access rows carry the user's flags too, so the per-product dashboard reads one table; the product is named by
 * its hash (and its key, for the product filter), its site only in `products` (see {@link productRegistrations}).
 * These are the values, in `accessColumns` order, that {@link ChildRowWriter} writes as text (a property test holds
 * the two to the same statements) and that the row bound is measured against.
 */
export const accessRowValues = (user: User, generation: number, writeId: number): SqlValue[][] =>
  user.productAccess.map((a) => [
    user.accountId, productHash(a.productKey, a.resourceId), a.productKey, toEpochMsOrNull(a.lastActiveAt),
    inactivityKey(user.activityKnown, a.lastActiveAt), toSqlBool(user.billable), generation, writeId,
  ]);

/** Membership rows name the group by its hash only; its id and name live in `directory_groups` (values as above). */
export const memberRowValues = (user: User, generation: number, writeId: number): SqlValue[][] =>
  user.groups.map((g) => [user.accountId, groupHash(g.id), generation, writeId]);

/** A product's or group's hash, and its text in a tuple. */
interface HashText {
  hash: number;
  text: string;
}

interface ProductText extends HashText {
  /** What the product key adds to a statement's params (bound, with its comma). */
  keyBytes: number;
}

const integerLiteral = (n: number): string => {
  const text = inlineLiteral(n);
  if (text === undefined) throw new DomainError('INTERNAL', 'A row value is not an integer', { value: String(n) });
  return text;
};

const byHashText = (a: HashText, b: HashText): number => a.hash - b.hash;

/**
 * Writes one call's access and membership rows straight into tuples, the same text and bound values that
 * {@link accessRowValues} and {@link memberRowValues} give through `multiRowStatements`, without an array per row:
 * the text of the generation and write id that end every row, and each product's and group's hash and its
 * text, are computed once per call. A user's rows go in hash order (the second key column).
 */
export class ChildRowWriter {
  private readonly suffix: string;
  private readonly products = new Map<string, Map<string, ProductText>>();
  private readonly groups = new Map<string, HashText>();

  constructor(generation: number, writeId: number) {
    this.suffix = `,${integerLiteral(generation)},${integerLiteral(writeId)})`;
  }

  /** Adds the user's access rows to `builder`; statements it completes go to `out`. */
  access(user: User, builder: MultiRowBuilder, out: Statement[]): void {
    const rows = user.productAccess.map((a) => ({ a, p: this.product(a.productKey, a.resourceId) }));
    if (rows.length > 1) rows.sort((x, y) => byHashText(x.p, y.p));
    const accountBytes = paramBytes(user.accountId) + 1;
    const billable = user.billable ? '1' : '0';
    for (const { a, p } of rows) {
      const lastActive = a.lastActiveAt === null ? 'NULL' : integerLiteral(a.lastActiveAt.getTime());
      const inactivity = integerLiteral(inactivityKey(user.activityKnown, a.lastActiveAt));
      const tuple = `(?,${p.text},?,${lastActive},${inactivity},${billable}${this.suffix}`;
      const done = builder.add(tuple, [user.accountId, a.productKey], accountBytes + p.keyBytes);
      if (done !== undefined) out.push(done);
    }
  }

  /** Adds the user's membership rows to `builder`; statements it completes go to `out`. */
  members(user: User, builder: MultiRowBuilder, out: Statement[]): void {
    const groups = user.groups.map((g) => this.group(g.id));
    if (groups.length > 1) groups.sort(byHashText);
    const bound = [user.accountId];
    const accountBytes = paramBytes(user.accountId) + 1;
    for (const g of groups) {
      const done = builder.add(`(?,${g.text}${this.suffix}`, bound, accountBytes);
      if (done !== undefined) out.push(done);
    }
  }

  private product(key: string, resourceId: string): ProductText {
    let sites = this.products.get(key);
    if (sites === undefined) {
      sites = new Map();
      this.products.set(key, sites);
    }
    let known = sites.get(resourceId);
    if (known === undefined) {
      const hash = productHash(key, resourceId);
      known = { hash, text: integerLiteral(hash), keyBytes: paramBytes(key) + 1 };
      sites.set(resourceId, known);
    }
    return known;
  }

  private group(id: string): HashText {
    let known = this.groups.get(id);
    if (known === undefined) {
      const hash = groupHash(id);
      known = { hash, text: integerLiteral(hash) };
      this.groups.set(id, known);
    }
    return known;
  }
}

/** One row per distinct key, built from the first item with that key, in key order (as the primary key sorts). */
const distinctRowsByKey = <Item>(items: readonly Item[], keyOf: (item: Item) => string, rowOf: (item: Item) => SqlValue[]): SqlValue[][] => {
  const seen = new Map<string, Item>();
  for (const item of items) {
    const key = keyOf(item);
    if (!seen.has(key)) seen.set(key, item);
  }
  return [...seen.entries()].sort(([a], [b]) => byCodeUnit(a, b)).map(([, item]) => rowOf(item));
};

/** `products` columns a registration writes, in VALUES order. */
export const productRegisterColumns = [
  'product_key', 'resource_id', 'product_hash', 'name', 'site_url', 'seat_capacity', 'seen_generation',
] as const;

/**
 * One `products` row per product the users have access to, in key order: named by its key, no site URL or
 * capacity, until the workspaces sync writes the product.
 */
export const productRegistrations = (users: readonly User[], generation: number): SqlValue[][] =>
  distinctRowsByKey(
    users.flatMap((u) => u.productAccess),
    (a) => `${a.productKey}\u0000${a.resourceId}`,
    (a) => [a.productKey, a.resourceId, productHash(a.productKey, a.resourceId), a.productKey, null, null, generation],
  );

/** `directory_groups` columns a registration writes, in VALUES order. */
export const groupRegisterColumns = [
  'group_id', 'group_hash', 'name', 'name_key', 'description', 'idp_synced', 'modifiable', 'user_count', 'seen_generation',
] as const;

/**
 * One `directory_groups` row per group the users are members of, in id order, as the first user's group
 * reference names it. Not IdP-synced, modifiable, no description, no members counted: the next groups sync
 * writes the real values. Such a row has no grants, so no action plan relies on its flags.
 */
export const groupRegistrations = (users: readonly User[], generation: number): SqlValue[][] =>
  distinctRowsByKey(
    users.flatMap((u) => u.groups),
    (g) => g.id,
    (g) => [g.id, groupHash(g.id), g.name, nameKey(g.name), null, 0, 1, 0, generation],
  );

/** The user columns a read selects (alias `u`). */
export const userSelectList =
  'u.account_id, u.name, u.email, u.account_type, u.account_status, u.membership_status, u.managed, ' +
  'u.management_source, u.billable, u.added_to_org_at, u.activity_known, u.platform_roles, u.seen_generation';

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
  return rows.map((r) => ({
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
    productAccess: accessBy.get(r.account_id) ?? [],
    activityKnown: r.activity_known,
    groups: groupsBy.get(r.account_id) ?? [],
    platformRoles: r.platform_roles,
  }));
};
