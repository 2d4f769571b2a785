import { DomainError } from '../../../domain/model/errors';
import type { AuditEntry } from '../../../domain/model/audit';
import type { AuditLog, AuditQuery } from '../../../domain/ports/auditLog';
import { afterKey, decodeCursor, encodeCursor, orderBy, type KeysetOrder, instantKey } from '../sql/keyset';
import { multiRowStatements } from '../sql/multiRowStatements';
import { SqlExecutor } from '../sql/sqlExecutor';
import { allOf, placeholders, toSqlDateTime, type SqlFragment } from '../sql/sqlValues';
import { auditPeople, peopleWhere, type AuditPeople } from './auditPeople';
import { auditColumns, auditRowSchema, auditRowValues, auditSelectList, toAuditEntry } from './auditRows';

/** Re-appending an entry is a no-op: ids are unique, and `append` never changes a stored entry. */
const appendInsert = {
  head: `INSERT INTO audit_log (${auditColumns.join(',')}) VALUES`,
  tail: 'ON DUPLICATE KEY UPDATE id=id',
  columns: auditColumns.length,
};
/** A job item's entry takes its item's latest outcome (AuditLog.writeItemEntries). */
const itemEntryUpsert = {
  ...appendInsert,
  tail: 'ON DUPLICATE KEY UPDATE at=VALUES(at),action=VALUES(action),outcome=VALUES(outcome),reason=VALUES(reason),details=VALUES(details)',
};
const order: KeysetOrder = { columns: ['at', 'id'], direction: 'desc' };
const TAG = 'audit:at';
/** Export (A3) reads pages of up to this many entries. */
export const MAX_AUDIT_PAGE = 1000;

/**
 * Every A2 filter as conditions; each leads an index ending in (at, id). The search is the people it names
 * ({@link auditPeople}), read before.
 */
export const auditWhere = (q: AuditQuery, people: AuditPeople | null): SqlFragment[] => {
  const parts: SqlFragment[] = [];
  if (q.from) parts.push({ sql: 'at >= ?', params: [toSqlDateTime(q.from)] });
  if (q.to) parts.push({ sql: 'at < ?', params: [toSqlDateTime(q.to)] });
  const actions = [...new Set(q.actions ?? [])];
  if (actions.length > 0) parts.push({ sql: `action IN ${placeholders(actions.length)}`, params: actions });
  const outcomes = [...new Set(q.outcome ?? [])];
  if (outcomes.length > 0) parts.push({ sql: `outcome IN ${placeholders(outcomes.length)}`, params: outcomes });
  if (q.actorId !== undefined) parts.push({ sql: 'actor_id = ?', params: [q.actorId] });
  if (q.targetAccountId !== undefined) parts.push({ sql: 'target_account_id = ?', params: [q.targetAccountId] });
  if (q.jobId !== undefined) parts.push({ sql: 'job_id = ?', params: [q.jobId] });
  if (people !== null) parts.push(peopleWhere(people));
  return parts;
};

/** AuditLog over Forge SQL (`audit_log`), newest first, keyset-paged by (at, id). */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async append(entries: readonly AuditEntry[]): Promise<void> {
    await this.db.executeAll(multiRowStatements(appendInsert, entries.map(auditRowValues)));
  }

  async writeItemEntries(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.some((e) => e.jobId === null)) throw new DomainError('INTERNAL', 'Only the entries of job items are written by id');
    await this.db.executeAll(multiRowStatements(itemEntryUpsert, entries.map(auditRowValues)));
  }

  async query(q: AuditQuery): Promise<{ items: AuditEntry[]; next: string | null }> {
    if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_AUDIT_PAGE) {
      throw new DomainError('VALIDATION_FAILED', `limit must be an integer from 1 to ${MAX_AUDIT_PAGE}`, {
        field: 'limit',
      });
    }
    const parts = auditWhere(q, await auditPeople(this.db, q.search));
    if (q.after !== null) {
      parts.push(afterKey(order, instantKey(decodeCursor(TAG, q.after, 2))));
    }
    const where = allOf(parts);
    const rows = await this.db.select(
      `SELECT ${auditSelectList} FROM audit_log WHERE ${where.sql} ORDER BY ${orderBy(order)} LIMIT ?`,
      [...where.params, q.limit + 1],
      auditRowSchema,
    );
    const items = rows.slice(0, q.limit).map(toAuditEntry);
    const last = items.at(-1);
    const next = rows.length > q.limit && last ? encodeCursor(TAG, [last.at.getTime(), last.id]) : null;
    return { items, next };
  }
}
