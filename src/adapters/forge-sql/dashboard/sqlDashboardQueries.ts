import { z } from 'zod';
import type { DashboardQueries, DashboardTotals, ProductUsage, ProtectedSeats, StateCounts } from '../../../domain/ports/dashboardQueries';
import type { UserQueryContext } from '../../../domain/ports/userRepository';
import { SqlExecutor } from '../sql/sqlExecutor';
import { sqlCount, sqlInt, type SqlFragment } from '../sql/sqlValues';
import { NEVER_ACTIVE_FROM, stateBounds, UNKNOWN_KEY } from '../users/userKeys';
import { overdueSeatCondition, protectedOverdueSeats } from './protectedSeats';

type Context = Pick<UserQueryContext, 'now' | 'thresholds'>;

/**
 * Cumulative counts over the inactivity key, one comparison per row each: below the warning bound (active),
 * below the overdue bound (+ warning), below the never-active keys (+ overdue: every known activity), below the
 * never-active bound (+ new), below the unknown key (+ never active); the rest is unknown. `weight` counts only
 * billable rows when it is `billable`.
 */
const cumulativeSums = (context: Context, prefix: string, weight = ''): SqlFragment => {
  const { warningFrom, overdueFrom, neverActiveFrom } = stateBounds(context.thresholds, context.now);
  const bounds = [warningFrom, overdueFrom, NEVER_ACTIVE_FROM, neverActiveFrom, UNKNOWN_KEY];
  return {
    sql: CUMULATIVE.map((name) => `SUM(${weight}(inactivity_key < ?)) AS ${prefix}${name}`).join(', '),
    params: bounds,
  };
};

const CUMULATIVE = ['c_active', 'c_warning', 'c_overdue', 'c_new', 'c_never'] as const;

const cumulativeShape = (prefix: string) => Object.fromEntries(CUMULATIVE.map((name) => [`${prefix}${name}`, sqlCount]));

/** States from the cumulative counts of a row (`total` rows in all). */
const toCounts = (row: Record<string, unknown>, prefix: string, total: number): StateCounts => {
  const at = (name: string): number => Number(row[`${prefix}${name}`] ?? 0);
  const [active, toWarning, toOverdue, toNew, toNever] = CUMULATIVE.map(at) as [number, number, number, number, number];
  return {
    active,
    warning: toWarning - active,
    overdue: toOverdue - toWarning,
    'never-active': toNever - toNew,
    new: toNew - toOverdue,
    unknown: total - toNever,
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
  overdue_seats: sqlCount,
  ...cumulativeShape(''),
});

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
    const overdue = overdueSeatCondition(context);
    const counted = CUMULATIVE.map((c) => `COALESCE(a.${c}, 0) AS ${c}`).join(', ');
    // Every product with access is registered in `products`, so the aggregate joins onto it.
    const query =
      'SELECT p.product_key, p.resource_id, p.name, p.seat_capacity, COALESCE(a.users, 0) AS users, ' +
      `COALESCE(a.seats, 0) AS seats, COALESCE(a.overdue_seats, 0) AS overdue_seats, ${counted} FROM products p LEFT JOIN (` +
      `SELECT product_hash, COUNT(*) AS users, SUM(billable) AS seats, SUM(${overdue.sql}) AS overdue_seats, ${sums.sql} ` +
      'FROM user_product_access WHERE user_left = 0 GROUP BY product_hash' +
      ') a ON a.product_hash = p.product_hash ORDER BY p.product_key, p.resource_id';
    const rows = await this.db.select(query, [...overdue.params, ...sums.params], usageSchema);
    return rows.map((r) => ({
      productKey: r.product_key,
      resourceId: r.resource_id,
      name: r.name,
      usersWithAccess: r.users,
      seatsUsed: r.seats,
      seatCapacity: r.seat_capacity,
      byState: toCounts(r, '', r.users),
      overdueSeats: r.overdue_seats,
    }));
  }

  protectedOverdueSeats(context: UserQueryContext): Promise<ProtectedSeats[]> {
    return protectedOverdueSeats(context, this.db);
  }
}
