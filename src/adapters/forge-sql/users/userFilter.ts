import type { InactivityState } from '../../../domain/policy/inactivityPolicy';
import type { ProtectedEntry } from '../../../domain/policy/protectedEmails';
import type { UserFilter, UserQueryContext } from '../../../domain/ports/userRepository';
import { DomainError } from '../../../domain/model/errors';
import { groupHash } from '../groups/groupHash';
import { allOf, anyOf, likePrefix, placeholders, type SqlFragment } from '../sql/sqlValues';
import { searchPrefix } from './searchWords';
import { stateRange } from './userKeys';

/** One whitelist entry as a condition on the folded email (same semantics as ProtectedEmails). */
const protectedBy = (entry: ProtectedEntry): SqlFragment => {
  switch (entry.kind) {
    case 'exact':
      return { sql: 'u.email_domain = ? AND u.email_key = ?', params: [entry.domain, entry.normalized] };
    case 'domain':
      return { sql: 'u.email_domain = ?', params: [entry.domain] };
    case 'wildcard': {
      const pattern = `${entry.localPart.replace(/[!%_]/g, '!$&').replace(/\*/g, '%')}@${entry.domain.replace(/[!%_]/g, '!$&')}`;
      return { sql: "u.email_domain = ? AND u.email_key LIKE ? ESCAPE '!'", params: [entry.domain, pattern] };
    }
  }
};

export const inStates = (key: SqlFragment, states: readonly InactivityState[], context: UserQueryContext): SqlFragment =>
  anyOf([...new Set(states)].map((s) => stateRange(key, s, context.thresholds, context.now)));

/** `IN (…)` of hashes read from `products`: safe integers, written into the text (no parameter in a sort expression). */
export const hashList = (hashes: readonly number[]): string => {
  if (hashes.length === 0 || !hashes.every(Number.isSafeInteger)) throw new DomainError('INTERNAL', 'Product hashes must be safe integers');
  return `(${hashes.map(String).join(',')})`;
};

/**
 * How the WHERE reads the chosen product: by its hashes (`products`), so each user's check is a primary-key read;
 * or as `column`, the key of the access row a page walks (productPages.ts), one per user and the user's smallest
 * of the product, so the state is a range of it and no other check is needed. Without either (a count), by key.
 */
export type ProductRead = { hashes: readonly number[] } | { column: string };

/** The user's key for the product (by its hashes): the most recent activity over its sites (classifyProduct). */
export const productKeyOf = (hashes: readonly number[]): string =>
  `(SELECT MIN(a.inactivity_key) FROM user_product_access a WHERE a.account_id = u.account_id AND a.product_hash IN ${hashList(hashes)})`;

/** The per-product inactivity key, and the condition that the user has the product. */
const productKey = (product: string, read: ProductRead | undefined): { key: SqlFragment; has: SqlFragment } => {
  if (read !== undefined && 'hashes' in read) {
    const key = productKeyOf(read.hashes);
    return { key: { sql: key, params: [] }, has: { sql: `${key} IS NOT NULL`, params: [] } };
  }
  const rows = 'FROM user_product_access a WHERE a.account_id = u.account_id AND a.product_key = ?';
  return {
    key: { sql: `(SELECT MIN(a.inactivity_key) ${rows})`, params: [product] },
    has: { sql: `EXISTS (SELECT 1 ${rows})`, params: [product] },
  };
};

/** The LIKE pattern of the filter's search, or null when there is none. */
export const searchPattern = (filter: UserFilter): string | null => {
  const prefix = searchPrefix(filter.search);
  return prefix === null ? null : likePrefix(prefix);
};

/**
 * Builds the WHERE clause (over `users u`) for every U4 filter but the search; every value is a parameter (but the
 * product's hashes). `product`: how the chosen product is read ({@link ProductRead}).
 */
export const userWhere = (filter: UserFilter, context: UserQueryContext, product?: ProductRead): SqlFragment => {
  const parts: SqlFragment[] = [];
  if (filter.includeLeft !== true) parts.push({ sql: 'u.left_generation IS NULL', params: [] });
  if (filter.accountStatus && filter.accountStatus.length > 0) {
    const statuses = [...new Set(filter.accountStatus)];
    parts.push({ sql: `u.account_status IN ${placeholders(statuses.length)}`, params: statuses });
  }
  const states = filter.inactivity ?? [];
  if (filter.productKey !== undefined && product !== undefined && 'column' in product) {
    if (states.length > 0) parts.push(inStates({ sql: product.column, params: [] }, states, context));
  } else if (filter.productKey !== undefined) {
    const { key, has } = productKey(filter.productKey, product);
    // A user without the product has no key (NULL): no range matches, as with the plain product filter.
    parts.push(states.length > 0 ? inStates(key, states, context) : has);
  } else if (states.length > 0) {
    parts.push(inStates({ sql: 'u.inactivity_key', params: [] }, states, context));
  }
  if (filter.groupId !== undefined) {
    // Memberships name their group by hash (groups/groupHash.ts); the group index starts from the group.
    parts.push({
      sql: 'EXISTS (SELECT 1 FROM group_members m WHERE m.group_hash = ? AND m.account_id = u.account_id)',
      params: [groupHash(filter.groupId)],
    });
  }
  if (filter.managed !== undefined) parts.push({ sql: 'u.managed = ?', params: [filter.managed ? 1 : 0] });
  if (filter.billable !== undefined) parts.push({ sql: 'u.billable = ?', params: [filter.billable ? 1 : 0] });
  if (filter.protected !== undefined) {
    const whitelist = anyOf(context.protectedEmails.entries.map(protectedBy));
    parts.push(filter.protected ? whitelist : { sql: `NOT (${whitelist.sql})`, params: whitelist.params });
  }
  return allOf(parts);
};
