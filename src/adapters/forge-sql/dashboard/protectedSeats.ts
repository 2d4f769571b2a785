import { z } from 'zod';
import type { ProtectedSeats } from '../../../domain/ports/dashboardQueries';
import type { UserQueryContext } from '../../../domain/ports/userRepository';
import type { SqlExecutor } from '../sql/sqlExecutor';
import { sqlCount, type SqlFragment } from '../sql/sqlValues';
import { stateBounds } from '../users/userKeys';
import { userWhere } from '../users/userFilter';

/** Billable access rows of overdue users (keys of known activity from the overdue bound on). */
export const overdueSeatCondition = (context: Pick<UserQueryContext, 'now' | 'thresholds'>, alias = ''): SqlFragment => ({
  sql: `${alias}billable = 1 AND ${alias}inactivity_key BETWEEN ? AND -1`,
  params: [stateBounds(context.thresholds, context.now).overdueFrom],
});

/**
 * D4: per product and site, the billable seats of overdue users the whitelist protects. Read from the protected
 * users (the whitelist's conditions use the email indexes) to their access rows; nothing to read without a whitelist.
 */
export const protectedOverdueSeats = async (context: UserQueryContext, db: SqlExecutor): Promise<ProtectedSeats[]> => {
  if (context.protectedEmails.entries.length === 0) return [];
  const where = userWhere({ protected: true }, context);
  const overdue = overdueSeatCondition(context, 'a.');
  const rows = await db.select(
    'SELECT p.product_key, p.resource_id, s.n FROM (SELECT a.product_hash, COUNT(*) AS n FROM users u ' +
      `JOIN user_product_access a ON a.account_id = u.account_id WHERE ${where.sql} AND a.user_left = 0 AND ${overdue.sql} ` +
      'GROUP BY a.product_hash) s JOIN products p ON p.product_hash = s.product_hash',
    [...where.params, ...overdue.params],
    z.object({ product_key: z.string(), resource_id: z.string(), n: sqlCount }),
  );
  return rows.map((r) => ({ productKey: r.product_key, resourceId: r.resource_id, seats: r.n }));
};
