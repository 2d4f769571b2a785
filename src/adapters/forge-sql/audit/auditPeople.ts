import { z } from 'zod';
import { searchPrefix } from '../users/searchWords';
import { SqlExecutor } from '../sql/sqlExecutor';
import { likePrefix, placeholders, type SqlFragment } from '../sql/sqlValues';

/** Up to this many people a search names are looked up by their indexes; beyond, each entry is checked. */
export const FEW_PEOPLE = 500;

/**
 * The people an audit search names, found as the users' search finds them (a word of the name or email starting
 * with the text, searchWords.ts): their account IDs when they are few, otherwise the word pattern itself.
 */
export type AuditPeople = { kind: 'few'; accountIds: string[] } | { kind: 'many'; pattern: string };

const accountSchema = z.object({ account_id: z.string() });

/**
 * One read of the word index, stopping after {@link FEW_PEOPLE} + 1 people; null when the text has nothing to
 * search for.
 */
export const auditPeople = async (db: SqlExecutor, search: string | undefined): Promise<AuditPeople | null> => {
  const prefix = searchPrefix(search);
  if (prefix === null) return null;
  const pattern = likePrefix(prefix);
  const rows = await db.select(
    "SELECT DISTINCT u.account_id FROM user_search_words w STRAIGHT_JOIN users u ON u.account_hash = w.account_hash " +
      "WHERE w.word LIKE ? ESCAPE '!' LIMIT ?",
    [pattern, FEW_PEOPLE + 1],
    accountSchema,
  );
  return rows.length > FEW_PEOPLE ? { kind: 'many', pattern } : { kind: 'few', accountIds: rows.map((r) => r.account_id) };
};

const hasWord = (column: string, pattern: string): SqlFragment => ({
  sql:
    `(SELECT 1 FROM users u JOIN user_search_words w ON w.account_hash = u.account_hash ` +
    `WHERE u.account_id = audit_log.${column} AND w.word LIKE ? ESCAPE '!' LIMIT 1) IS NOT NULL`,
  params: [pattern],
});

/**
 * The entry's affected user or acting admin is one of the people. Few people: two index ranges per person
 * (`idx_audit_target`, `idx_audit_actor`), bounded by their entries. Many: the newest entries are walked and
 * each checked by primary-key reads of the user and their words (words are keyed by the account's hash), which a page of a broad search quickly fills.
 */
export const peopleWhere = (people: AuditPeople): SqlFragment => {
  if (people.kind === 'many') {
    const target = hasWord('target_account_id', people.pattern);
    const actor = hasWord('actor_id', people.pattern);
    return { sql: `${target.sql} OR (actor_kind = 'admin' AND ${actor.sql})`, params: [...target.params, ...actor.params] };
  }
  const ids = people.accountIds;
  if (ids.length === 0) return { sql: '1=0', params: [] };
  return {
    sql: `target_account_id IN ${placeholders(ids.length)} OR (actor_kind = 'admin' AND actor_id IN ${placeholders(ids.length)})`,
    params: [...ids, ...ids],
  };
};
