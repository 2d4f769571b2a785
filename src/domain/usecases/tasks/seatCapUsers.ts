import type { ProductTarget } from '../../model/task';
import type { User } from '../../model/user';
import { elapsedDays } from '../../policy/inactivityPolicy';
import type { SeatHolder, TaskCandidates } from '../../ports/taskCandidates';
import type { PlannedTask } from './planTask';
import { evaluateUser } from './ruleMatch';
import { bySeatRank, type SeatCandidate } from './seatCap';
import type { TaskPlanContext } from './taskPlanItem';

/** Users read at least per round: a few rounds for a cap of thousands, one for a small one. */
const MIN_ROUND = 500;

/** What a seat cap reads: the users it planned one by one, the product's seats, and the holders it did not need to read. */
export interface SeatCapUsers {
  users: User[];
  seats: number;
  unread: number;
}

/** The product's seats on its site: its billable holders (as the dashboard counts them). */
export const seatsOf = async (candidates: Pick<TaskCandidates, 'seatHolders'>, product: ProductTarget): Promise<number> =>
  (await candidates.seatHolders(product)).filter((h) => h.billable).length;

/** The most days a holder can have been inactive in the product as far as the index knows (null: not known). */
const daysAtMost = (holder: SeatHolder, now: Date): number | null =>
  holder.activityKnown && holder.since !== null ? elapsedDays(holder.since, now) : null;

/**
 * Whether the users read so far settle the seat cap: `excess` of them match (every other check passed) and the next
 * holder in the index's order can no longer outrank the last of those — its days there are an upper bound of its
 * days in the product (activity on another site of it only lowers them), and every later holder has at most as many.
 */
const settled = (matched: readonly SeatCandidate[], excess: number, next: SeatCandidate | undefined): boolean => {
  if (excess === 0 || next === undefined) return true;
  if (matched.length < excess) return false;
  const last = [...matched].sort(bySeatRank)[excess - 1] as SeatCandidate;
  return (next.inactiveDays ?? -1) < (last.inactiveDays ?? -1);
};

/**
 * T8 without reading every holder: the product's billable holders are ranked from the index (seats counted there),
 * then read and checked in that order, round by round, until the longest-inactive users the cap removes are known
 * for certain. A cap of 1,000 on a product of 80,000 seats reads about a thousand users; the holders never read
 * keep the product either way, and are only counted (`unread`).
 */
export const seatCapUsers = async (
  task: PlannedTask,
  product: ProductTarget,
  maxSeats: number,
  candidates: TaskCandidates,
  context: TaskPlanContext,
): Promise<SeatCapUsers> => {
  const holders = await candidates.seatHolders(product);
  const billable = holders.filter((h) => h.billable);
  const excess = Math.max(0, billable.length - maxSeats);
  const ranked = billable.map((h): SeatCandidate => ({ accountId: h.accountId, inactiveDays: daysAtMost(h, context.now) })).sort(bySeatRank);
  const users: User[] = [];
  const matched: SeatCandidate[] = [];
  let read = 0;
  while (!settled(matched, excess, ranked[read])) {
    const round = ranked.slice(read, read + Math.max(MIN_ROUND, excess - matched.length));
    read += round.length;
    for (const user of await candidates.users(round.map((c) => c.accountId))) {
      users.push(user);
      const outcome = evaluateUser(user, task, context);
      if ('changes' in outcome) matched.push({ accountId: user.accountId, inactiveDays: outcome.match.inactiveDays });
    }
  }
  return { users, seats: billable.length, unread: holders.length - users.length };
};
