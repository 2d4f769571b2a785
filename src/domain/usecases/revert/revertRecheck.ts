import type { RevertJobSpec } from '../../model/jobSpec';
import type { ItemChange, JobRepository } from '../../ports/jobRepository';
import type { ItemEnv, LiveRecheck } from '../bulk/itemOutcome';
import { liveUsers } from '../bulk/liveUsers';
import { inverseAction, revertCheck } from './revertRules';

/**
 * P5 for a revert's job: every user of a batch is read live with, from the reverted job's items, the change it
 * made them; each is judged by revertCheck (changed since, protected now, gone, no longer possible) before the
 * executor undoes anything.
 */
export const revertRecheck = (spec: RevertJobSpec, jobs: Pick<JobRepository, 'changes'>) => (env: ItemEnv): Promise<LiveRecheck> => {
  const original = inverseAction(spec.action);
  let changes = new Map<string, ItemChange>();
  return Promise.resolve({
    readLive: async (accountIds) => {
      const [live, found] = await Promise.all([liveUsers(accountIds, env.target), jobs.changes(spec.revertsJobId, accountIds)]);
      changes = new Map(found.map((c) => [c.accountId, c]));
      return live;
    },
    check: (user) => revertCheck(changes.get(user.accountId), user, original, env.context),
  });
};
