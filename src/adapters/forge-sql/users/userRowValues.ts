import type { User } from '../../../domain/model/user';
import { toEpochMsOrNull, toSqlBool, toSqlDateTimeOrNull, type SqlValue } from '../sql/sqlValues';
import { groupHash } from '../groups/groupHash';
import { productHash } from '../products/productHash';
import { accountHash } from './accountHash';
import { searchWords } from './searchWords';
import { addedKey, emailKeys, inactivityKey, lastActivity, nameKey } from './userKeys';

/** The directory's name as `users.directory_name` holds it (at most 255 characters). */
const directoryName = (user: User): string | null => (user.directory ? Array.from(user.directory.name).slice(0, 255).join('') : null);

/** The user's `users` row, in `userColumns` order. */
export const userRowValues = (user: User, generation: number): SqlValue[] => {
  const { emailKey, emailDomain } = emailKeys(user.email);
  const lastActiveAt = lastActivity(user);
  return [
    user.accountId, accountHash(user.accountId), user.name, nameKey(user.name), user.email, emailKey, emailDomain, user.accountType,
    user.accountStatus, user.membershipStatus, toSqlBool(user.managed), user.managementSource, toSqlBool(user.billable),
    toSqlDateTimeOrNull(user.addedToOrgAt), addedKey(user.addedToOrgAt), toSqlBool(user.activityKnown),
    inactivityKey(user.activityKnown, lastActiveAt, user.addedToOrgAt),
    JSON.stringify(user.platformRoles), generation, user.directory?.id ?? null, directoryName(user),
  ];
};

/** One user's child rows in the order the primary key sorts them: by the second key column, a 53-bit hash. */
const inKeyOrder = (rows: SqlValue[][]): SqlValue[][] =>
  rows.length < 2 ? rows : rows.sort((a, b) => Number(a[1]) - Number(b[1]));

/**
 * The user's `user_product_access` rows (`accessColumns` order, key order). They carry the user's flags too, so
 * the per-product dashboard reads one table; the product is named by its hash (and its key, for the product
 * filter), its site only in `products` (see registrationRows.ts).
 */
export const accessRowValues = (user: User, generation: number, writeId: number): SqlValue[][] =>
  inKeyOrder(
    user.productAccess.map((a) => [
      user.accountId, productHash(a.productKey, a.resourceId), a.productKey, toEpochMsOrNull(a.lastActiveAt),
      inactivityKey(user.activityKnown, a.lastActiveAt, user.addedToOrgAt), toSqlBool(user.billable), generation, writeId,
    ]),
  );

/** The user's `group_members` rows (`memberColumns` order, key order): the group by its hash only. */
export const memberRowValues = (user: User, generation: number, writeId: number): SqlValue[][] =>
  inKeyOrder(user.groups.map((g) => [user.accountId, groupHash(g.id), generation, writeId]));

/** The user's `user_search_words` rows (`wordColumns` order, key order): one per word of the name and email. */
export const wordRowValues = (user: User, generation: number, writeId: number): SqlValue[][] => {
  const hash = accountHash(user.accountId);
  return searchWords(user.name, user.email).map((word) => [hash, word, generation, writeId]);
};

/** The most bytes one UTF-16 code unit takes in a JSON request body (a control character as `\uXXXX`). */
const MAX_JSON_BYTES_PER_UNIT = 6;
/** NFKC and NFKD turn one code point into at most 18 (U+FDFA): the most the email folding can grow a string. */
const MAX_FOLD_GROWTH = 18;
/**
 * Room for everything in a row that {@link userRowsBound} does not count by length: the name key or a search word
 * (at most 255 code points, 510 code units), the enum columns, the date, the integers (at most 21 characters each), quotes,
 * commas and parentheses. Together about 4.5 KB; twice that is kept.
 */
const ROW_SLACK_BYTES = 9 * 1024;

/**
 * An upper bound on the bytes that any one row of this user (its users row, an access, membership or search word row)
 * adds to a statement: every string counted at the most a code unit can cost, the email three times over at its
 * largest folding (email, key and domain), the roles once as JSON text and once as that text bound as a string.
 * Cheap, so every user of a batch can be checked before anything is sent.
 */
export const userRowsBound = (user: User): number => {
  let units = user.accountId.length + user.name.length + (user.email?.length ?? 0) * (1 + 2 * MAX_FOLD_GROWTH);
  units += (user.directory?.id.length ?? 0) + (user.directory?.name.length ?? 0);
  let rolesJson = 2;
  for (const role of user.platformRoles) rolesJson += MAX_JSON_BYTES_PER_UNIT * role.length + 3;
  units += rolesJson;
  let productKey = 0;
  for (const a of user.productAccess) productKey = Math.max(productKey, a.productKey.length);
  return MAX_JSON_BYTES_PER_UNIT * (units + productKey) + ROW_SLACK_BYTES;
};
