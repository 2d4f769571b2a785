import type { InactivityState } from '../policy/inactivityPolicy';
import type { UserQueryContext } from './userRepository';

/** Users per inactivity state. */
export type StateCounts = Record<InactivityState, number>;

/** FEATURES D1: users in the org (left users excluded) by overall inactivity state. */
export interface DashboardTotals {
  users: number;
  billable: number;
  byState: StateCounts;
  /** Billable users per state: what a licence clean-up could save. */
  billableByState: StateCounts;
}

/** FEATURES D2: one product on one site; `byState` classifies each user's access to it. */
export interface ProductUsage {
  productKey: string;
  resourceId: string;
  name: string | null;
  usersWithAccess: number;
  /** Billable users with access: the seats in use. */
  seatsUsed: number;
  seatCapacity: number | null;
  byState: StateCounts;
  /** Billable users with access who are overdue: the seats removing overdue users' access could free (D4). */
  overdueSeats: number;
}

/** D4: of one product's `overdueSeats`, those of users the whitelist protects (never removed, so never freed). */
export interface ProtectedSeats {
  productKey: string;
  resourceId: string;
  seats: number;
}

/** The dashboard's aggregates, computed in the database at the current thresholds and time. */
export interface DashboardQueries {
  totals(context: Pick<UserQueryContext, 'now' | 'thresholds'>): Promise<DashboardTotals>;
  productUsage(context: Pick<UserQueryContext, 'now' | 'thresholds'>): Promise<ProductUsage[]>;
  /** Per product and site with any, the overdue seats protected users hold (none without a whitelist). */
  protectedOverdueSeats(context: UserQueryContext): Promise<ProtectedSeats[]>;
}
