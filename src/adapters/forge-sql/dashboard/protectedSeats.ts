import { z } from 'zod';
import type { UserQueryContext } from '../../../domain/ports/userRepository';
import { SqlExecutor } from '../sql/sqlExecutor';
import { sqlCount, sqlInt, type SqlFragment } from '../sql/sqlValues';
import { stateBounds } from '../users/userKeys';
import { userWhere } from '../users/userFilter';

/** Billable access rows of overdue users (keys of known activity from the overdue bound on). */
export const overdueSeatCondition = (context: Pick<UserQueryContext, 'now' | 'thresholds'>, alias = ''): SqlFragment => ({
  sql: `${alias}billable = 1 AND ${alias}inactivity_key BETWEEN ? AND -1`,
  params: [stateBounds(context.thresholds, context.now).overdueFrom],
});

/**
 * D4: per product hash, the billable seats of overdue users the whitelist protects, which removing overdue users'
 * access could never free. Read from the protected users (the whitelist's conditions use the email indexes) to their
 * access rows; nothing to read without a whitelist.
 */
export const protectedOverdueSeats = async (context: UserQueryContext, db: SqlExecutor): Promise<Map<number, number>> => {
  if (context.protectedEmails.entries.length === 0) return new Map();
  const where = userWhere({ protected: true }, context);
  const overdue = overdueSeatCondition(context, 'a.');
  const rows = await db.select(
    'SELECT a.product_hash, COUNT(*) AS n FROM users u JOIN user_product_access a ON a.account_id = u.account_id ' +
      `WHERE ${where.sql} AND a.user_left = 0 AND ${overdue.sql} GROUP BY a.product_hash`,
    [...where.params, ...overdue.params],
    z.object({ product_hash: sqlInt, n: sqlCount }),
  );
  return new Map(rows.map((r) => [r.product_hash, r.n]));
};
