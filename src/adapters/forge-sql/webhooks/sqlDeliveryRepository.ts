import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import { deliveryStatusSchema, webhookTriggerSchema, type WebhookDelivery, type WebhookTrigger } from '../../../domain/model/webhooks';
import type { DeliveryPage, DeliveryRepository } from '../../../domain/ports/deliveryRepository';
import { afterKey, decodeCursor, encodeCursor, orderBy, type KeysetOrder, instantKey } from '../sql/keyset';
import { SqlExecutor } from '../sql/sqlExecutor';
import { allOf, sqlBool, sqlDateTime, sqlDateTimeOrNull, sqlInt, toSqlBool, toSqlDateTime, toSqlDateTimeOrNull, type SqlFragment } from '../sql/sqlValues';

const rowSchema = z.object({
  id: z.string(),
  trig: webhookTriggerSchema,
  target_id: z.string(),
  target_url: z.string(),
  body: z.string(),
  part: sqlInt,
  parts: sqlInt,
  is_test: sqlBool,
  status: deliveryStatusSchema,
  attempts: sqlInt,
  http_status: sqlInt.nullable(),
  error: z.string().nullable(),
  created_at: sqlDateTime,
  updated_at: sqlDateTime,
  next_attempt_at: sqlDateTimeOrNull,
});
const COLUMNS = 'id,trig,target_id,target_url,body,part,parts,is_test,status,attempts,http_status,error,created_at,updated_at,next_attempt_at';
const UNFINISHED = "status IN ('queued','sending','retrying')";
const order: KeysetOrder = { columns: ['created_at', 'id'], direction: 'desc' };
const TAG = 'webhook-deliveries';

const toDelivery = (row: z.output<typeof rowSchema>): WebhookDelivery => ({
  id: row.id,
  trigger: row.trig,
  targetId: row.target_id,
  targetUrl: row.target_url,
  body: row.body,
  part: row.part,
  parts: row.parts,
  test: row.is_test,
  status: row.status,
  attempts: row.attempts,
  httpStatus: row.http_status,
  error: row.error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  nextAttemptAt: row.next_attempt_at,
});

/** The `webhook_deliveries` table (docs/schema.md): one row per delivery, the delivery log's source. */
export class SqlDeliveryRepository implements DeliveryRepository {
  constructor(private readonly db = new SqlExecutor()) {}

  async create(deliveries: readonly WebhookDelivery[]): Promise<void> {
    for (const d of deliveries) {
      await this.db.execute({
        query: `INSERT INTO webhook_deliveries (${COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE id=id`,
        params: [
          d.id, d.trigger, d.targetId, d.targetUrl, d.body, d.part, d.parts, toSqlBool(d.test), d.status, d.attempts, d.httpStatus, d.error,
          toSqlDateTime(d.createdAt), toSqlDateTime(d.updatedAt), toSqlDateTimeOrNull(d.nextAttemptAt),
        ],
      });
    }
  }

  async get(id: string): Promise<WebhookDelivery | null> {
    const rows = await this.db.select(`SELECT ${COLUMNS} FROM webhook_deliveries WHERE id = ?`, [id], rowSchema);
    return rows[0] === undefined ? null : toDelivery(rows[0]);
  }

  async claim(id: string, attempt: number, now: Date, staleBefore: Date): Promise<boolean> {
    const changed = await this.db.execute({
      query:
        `UPDATE webhook_deliveries SET attempts = ?, status = 'sending', updated_at = ? WHERE id = ? AND ` +
        `((attempts = ? AND ${UNFINISHED}) OR (attempts = ? AND status = 'sending' AND updated_at < ?))`,
      params: [attempt, toSqlDateTime(now), id, attempt - 1, attempt, toSqlDateTime(staleBefore)],
    });
    return changed === 1;
  }

  async finish(id: string, attempt: number, change: Pick<WebhookDelivery, 'status' | 'httpStatus' | 'error' | 'nextAttemptAt' | 'updatedAt'>): Promise<boolean> {
    const changed = await this.db.execute({
      query:
        'UPDATE webhook_deliveries SET status = ?, http_status = ?, error = ?, next_attempt_at = ?, updated_at = ? ' +
        "WHERE id = ? AND attempts = ? AND status = 'sending'",
      params: [change.status, change.httpStatus, change.error, toSqlDateTimeOrNull(change.nextAttemptAt), toSqlDateTime(change.updatedAt), id, attempt],
    });
    return changed === 1;
  }

  async list(limit: number, after: string | null, trigger?: WebhookTrigger): Promise<DeliveryPage> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw new DomainError('VALIDATION_FAILED', 'limit must be an integer from 1 to 200', { field: 'limit' });
    }
    const parts: SqlFragment[] = trigger === undefined ? [] : [{ sql: 'trig = ?', params: [trigger] }];
    if (after !== null) {
      parts.push(afterKey(order, instantKey(decodeCursor(TAG, after, 2))));
    }
    const where = allOf(parts);
    const rows = await this.db.select(
      `SELECT ${COLUMNS} FROM webhook_deliveries WHERE ${where.sql} ORDER BY ${orderBy(order)} LIMIT ?`,
      [...where.params, limit + 1],
      rowSchema,
    );
    const items = rows.slice(0, limit).map(toDelivery);
    const last = items.at(-1);
    return { items, next: rows.length > limit && last ? encodeCursor(TAG, [last.createdAt.getTime(), last.id]) : null };
  }

  async stalled(before: Date, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.db.select(
      `SELECT ${COLUMNS} FROM webhook_deliveries WHERE ${UNFINISHED} AND updated_at < ? ORDER BY updated_at LIMIT ?`,
      [toSqlDateTime(before), limit],
      rowSchema,
    );
    return rows.map(toDelivery);
  }

  purge(before: Date): Promise<number> {
    return this.db.execute({
      query: "DELETE FROM webhook_deliveries WHERE status IN ('delivered','failed') AND updated_at < ? LIMIT 1000",
      params: [toSqlDateTime(before)],
    });
  }
}
