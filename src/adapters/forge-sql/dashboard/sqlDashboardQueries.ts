import { z } from 'zod';
import type { DashboardQueries, DashboardTotals, ProductUsage, StateCounts } from '../../../domain/ports/dashboardQueries';
import type { UserQueryContext } from '../../../domain/ports/userRepository';
import { SqlExecutor } from '../sql/sqlExecutor';
import { sqlCount, sqlInt, type SqlFragment } from '../sql/sqlValues';
import { NEVER_ACTIVE_KEY, stateBounds } from '../users/userKeys';

type Context = Pick<UserQueryContext, 'now' | 'thresholds'>;

/**
 * Cumulative counts over the inactivity key, one comparison per row each: below the warning bound
 * (active), below the overdue bound (+ warning), below 1 (+ overdue: every known activity), equal to 1
 * (never active); the rest is unknown. `weight` counts only billable rows when it is `billable`.
 */
const cumulativeSums = (context: Context, prefix: string, weight = ''): SqlFragment => {
  const { warningFrom, overdueFrom } = stateBounds(context.thresholds, context.now);
  const sum = (condition: string, name: string): string => `SUM(${weight}(${condition})) AS ${prefix}${name}`;
  return {
    sql: [
      sum('inactivity_key < ?', 'c_active'),
      sum('inactivity_key < ?', 'c_warning'),
      sum('inactivity_key < ?', 'c_overdue'),
      sum('inactivity_key = ?', 'c_never'),
    ].join(', '),
    params: [warningFrom, overdueFrom, NEVER_ACTIVE_KEY, NEVER_ACTIVE_KEY],
  };
};

const cumulativeShape = (prefix: string) => ({
  [`${prefix}c_active`]: sqlCount,
  [`${prefix}c_warning`]: sqlCount,
  [`${prefix}c_overdue`]: sqlCount,
  [`${prefix}c_never`]: sqlCount,
});

/** States from the cumulative counts of a row (`total` rows in all). */
const toCounts = (row: Record<string, unknown>, prefix: string, total: number): StateCounts => {
  const at = (name: string): number => Number(row[`${prefix}${name}`] ?? 0);
  const [active, toWarning, toOverdue, never] = [at('c_active'), at('c_warning'), at('c_overdue'), at('c_never')];
  return {
    active,
    warning: toWarning - active,
    overdue: toOverdue - toWarning,
    'never-active': never,
    unknown: total - toOverdue - never,
  };
};

const totalsSchema = z.object({ users: sqlCount, billable: sqlCount, ...cumulativeShape(''), ...cumulativeShape('b_') });
const usageSchema = z.object({
  product_key: z.string(),
  resource_id: z.string(),
  name: z.string(),
  seat_capacity: sqlInt.nullable(),
  users: sqlCount,
  seats: sqlCount,
  ...cumulativeShape(''),
});
const SUMMED = ['c_active', 'c_warning', 'c_overdue', 'c_never'];

/**
 * D1 and D2 in one statement each. Inactivity is a range of `inactivity_key` at the current thresholds
 * and time, so the counts follow a threshold change at once; both read covering indexes only.
 */
export class SqlDashboardQueries implements DashboardQueries {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async totals(context: Context): Promise<DashboardTotals> {
    const all = cumulativeSums(context, '');
    const billable = cumulativeSums(context, 'b_', 'billable * ');
    const [row] = await this.db.select(
      `SELECT COUNT(*) AS users, SUM(billable) AS billable, ${all.sql}, ${billable.sql} FROM users WHERE left_generation IS NULL`,
      [...all.params, ...billable.params],
      totalsSchema,
    );
    const r: Record<string, unknown> = row ?? {};
    const [users, billableUsers] = [Number(r.users ?? 0), Number(r.billable ?? 0)];
    return { users, billable: billableUsers, byState: toCounts(r, '', users), billableByState: toCounts(r, 'b_', billableUsers) };
  }

  async productUsage(context: Context): Promise<ProductUsage[]> {
    const sums = cumulativeSums(context, '');
    const counted = SUMMED.map((c) => `COALESCE(a.${c}, 0) AS ${c}`).join(', ');
    // Every product with access is registered in `products`, so the aggregate joins onto it.
    const query =
      'SELECT p.product_key, p.resource_id, p.name, p.seat_capacity, COALESCE(a.users, 0) AS users, ' +
      `COALESCE(a.seats, 0) AS seats, ${counted} FROM products p LEFT JOIN (` +
      `SELECT product_hash, COUNT(*) AS users, SUM(billable) AS seats, ${sums.sql} ` +
      'FROM user_product_access WHERE user_left = 0 GROUP BY product_hash' +
      ') a ON a.product_hash = p.product_hash ORDER BY p.product_key, p.resource_id';
    const rows = await this.db.select(query, sums.params, usageSchema);
    return rows.map((r) => ({
      productKey: r.product_key,
      resourceId: r.resource_id,
      name: r.name,
      usersWithAccess: r.users,
      seatsUsed: r.seats,
      seatCapacity: r.seat_capacity,
      byState: toCounts(r, '', r.users),
    }));
  }
}
