import type { SyncRun } from '../../../../src/domain/model/jobs';
import { UNKNOWN_KEY } from '../../../../src/adapters/forge-sql/users/userKeys';
import type { DirectoryView } from './directoryTruth';
import { storedDirectory, storedMembers } from './directorySnapshot';
import type { Simulators } from './simulators';
import { truthOf } from './directoryTruth';


/**
 * No user is inactive because data was missing: a user whose activity is unknown carries the `unknown` key on
 * every row (never counted as inactive), and a user whose activity is known has exactly the simulator's products
 * and dates. Holds after every run, finished or not. Returns how many users are still unknown.
 */
export const expectNoGuessedActivity = async (sims: Simulators): Promise<number> => {
  const truth = new Map(truthOf(sims.admin, sims.jira).members.map((m) => [m.accountId, m]));
  let unknown = 0;
  for (const member of await storedMembers()) {
    if (!member.activityKnown) {
      unknown += 1;
      expect({ accountId: member.accountId, keys: [...new Set(member.inactivityKeys)] }).toEqual({
        accountId: member.accountId,
        keys: [UNKNOWN_KEY],
      });
    } else {
      expect({ accountId: member.accountId, products: member.products }).toEqual({
        accountId: member.accountId,
        products: truth.get(member.accountId)?.products,
      });
    }
  }
  return unknown;
};

const withoutDates = (products: string[]): string[] => products.map((p) => p.replace(/\|[^|]*$/, ''));

/**
 * The database holds exactly the simulators' directory and site (see DirectoryView). With `unreadActivity`, the
 * users whose activity a partial sync left unknown (it read users/search but not the fallback) are compared
 * without their dates: they must have the right products, and `expectNoGuessedActivity` keeps them unknown.
 */
export const expectDatabaseEqualsSimulators = async (sims: Simulators, unreadActivity = false): Promise<DirectoryView> => {
  const truth = truthOf(sims.admin, sims.jira);
  const stored = await storedDirectory(sims.admin.state.org.workspaces.map((w) => w.id));
  expect(stored.members.length).toBe(truth.members.length);
  if (unreadActivity) {
    const unknown = new Set((await storedMembers()).filter((m) => !m.activityKnown).map((m) => m.accountId));
    const strip = (view: DirectoryView): DirectoryView => ({
      ...view,
      members: view.members.map((m) => (unknown.has(m.accountId) ? { ...m, products: withoutDates(m.products) } : m)),
    });
    expect(strip(stored)).toEqual(strip(truth));
  } else {
    expect(stored).toEqual(truth);
  }
  return truth;
};

/** A finished run that read everything. */
export const expectSucceeded = (run: SyncRun): void => {
  expect({ status: run.status, reason: run.checkpoint.failureReason }).toEqual({ status: 'succeeded', reason: null });
};
