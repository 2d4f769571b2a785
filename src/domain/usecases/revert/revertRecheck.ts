import { DomainError } from '../../model/errors';
import type { RevertJobSpec } from '../../model/jobSpec';
import type { AuditLog } from '../../ports/auditLog';
import type { ItemChange, JobRepository } from '../../ports/jobRepository';
import type { ItemEnv, LiveRecheck } from '../bulk/itemOutcome';
import { liveUsers } from '../bulk/liveUsers';
import { changedSince } from './changedSince';
import { inverseAction, revertCheck } from './revertRules';

/**
 * P5 for a revert's job: every user of a batch is read live with, from the reverted job's items, the change it
 * made them, and whether the app changed the account since (an audited change by another job); each is judged by
 * revertCheck (changed since, protected now, gone, no longer possible) before the executor undoes anything.
 */
export const revertRecheck = (spec: RevertJobSpec, deps: { jobs: Pick<JobRepository, 'changes' | 'get'>; audit: Pick<AuditLog, 'query'> }) => async (env: ItemEnv): Promise<LiveRecheck> => {
  const original = inverseAction(spec.action);
  const source = await deps.jobs.get(spec.revertsJobId);
  if (source === null) throw new DomainError('NOT_FOUND', 'The reverted job is gone', { jobId: spec.revertsJobId });
  let changes = new Map<string, ItemChange>();
  let changed = new Set<string>();
  return {
    readLive: async (accountIds) => {
      const [live, found, since] = await Promise.all([
        liveUsers(accountIds, env.target),
        deps.jobs.changes(spec.revertsJobId, accountIds),
        changedSince(accountIds, source, env.jobId, deps.audit),
      ]);
      changes = new Map(found.map((c) => [c.accountId, c]));
      changed = since;
      return live;
    },
    check: (user) => revertCheck(changes.get(user.accountId), user, original, env.context, changed.has(user.accountId)),
  };
};
