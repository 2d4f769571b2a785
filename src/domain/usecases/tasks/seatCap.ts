import type { ProductTarget } from '../../model/task';
import type { User } from '../../model/user';

/** The seats of a product on one site: billable users with access who are still in the org (as the dashboard counts). */
export const seatsUsed = (users: readonly User[], product: ProductTarget): number =>
  users.filter(
    (u) =>
      u.billable &&
      u.membershipStatus !== 'no_membership' &&
      u.productAccess.some((a) => a.productKey === product.productKey && a.resourceId === product.resourceId),
  ).length;

/** A user the seat cap may remove, with the days they have been inactive in the product (null: not known). */
export interface SeatCandidate {
  accountId: string;
  inactiveDays: number | null;
}

/** The seat cap's order: the longest-inactive first, ties by account ID, unknown days last. */
export const bySeatRank = (a: SeatCandidate, b: SeatCandidate): number =>
  (b.inactiveDays ?? -1) - (a.inactiveDays ?? -1) || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0);

/**
 * T8: which candidates lose the product so that `seats` comes down to `maxSeats`: the longest-inactive first (ties by
 * account ID, unknown days last), as many as the excess. Protected users are counted in `seats` but are never
 * candidates, so the cap may stay exceeded. Answers each chosen account's rank (1 = removed first).
 */
export const seatCapSelection = (candidates: readonly SeatCandidate[], seats: number, maxSeats: number): Map<string, number> => {
  const excess = Math.max(0, seats - maxSeats);
  const ordered = [...candidates].sort(bySeatRank);
  return new Map(ordered.slice(0, excess).map((c, index) => [c.accountId, index + 1]));
};
