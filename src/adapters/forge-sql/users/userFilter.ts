import type { InactivityState } from '../../../domain/policy/inactivityPolicy';
import type { ProtectedEntry } from '../../../domain/policy/protectedEmails';
import type { UserFilter, UserQueryContext } from '../../../domain/ports/userRepository';
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

/** The per-product inactivity key: the most recent activity over every site of the product (classifyProduct). */
const productKey = (product: string): SqlFragment => ({
  sql: '(SELECT MIN(a.inactivity_key) FROM user_product_access a WHERE a.account_id = u.account_id AND a.product_key = ?)',
  params: [product],
});

/** The LIKE pattern of the filter's search, or null when there is none. */
export const searchPattern = (filter: UserFilter): string | null => {
  const prefix = searchPrefix(filter.search);
  return prefix === null ? null : likePrefix(prefix);
};

/**
 * Builds the WHERE clause (over `users u`) for every U4 filter but the search; every value is a parameter.
 * `productKeyColumn`: the page walks the chosen product's access rows (productPages.ts), one per user, each the
 * user's smallest key of the product: the product's state is a range of that column, and no other check is needed.
 */
export const userWhere = (filter: UserFilter, context: UserQueryContext, productKeyColumn?: string): SqlFragment => {
  const parts: SqlFragment[] = [];
  if (filter.includeLeft !== true) parts.push({ sql: 'u.left_generation IS NULL', params: [] });
  if (filter.accountStatus && filter.accountStatus.length > 0) {
    const statuses = [...new Set(filter.accountStatus)];
    parts.push({ sql: `u.account_status IN ${placeholders(statuses.length)}`, params: statuses });
  }
  const states = filter.inactivity ?? [];
  if (filter.productKey !== undefined && productKeyColumn !== undefined) {
    if (states.length > 0) parts.push(inStates({ sql: productKeyColumn, params: [] }, states, context));
  } else if (filter.productKey !== undefined) {
    if (states.length > 0) {
      // A user without the product has no key (NULL): no range matches, as with the plain product filter.
      parts.push(inStates(productKey(filter.productKey), states, context));
    } else {
      parts.push({
        sql: 'EXISTS (SELECT 1 FROM user_product_access a WHERE a.account_id = u.account_id AND a.product_key = ?)',
        params: [filter.productKey],
      });
    }
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
