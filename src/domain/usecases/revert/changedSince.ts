import type { AuditAction } from '../../model/audit';
import type { Job } from '../../model/jobs';
import type { AuditLog } from '../../ports/auditLog';

/** The audited actions that change an account: its lifecycle, its directory membership, its roles, its groups. */
const accountChanges: AuditAction[] = [
  'user.deactivate', 'user.reactivate', 'user.suspend', 'user.restore', 'product.revoke', 'product.assign', 'group.add-member', 'group.remove-member',
];

/**
 * B5 "changed since": those of `accountIds` whose account some other change of the app (an admin's job, a task, a
 * revert) changed, with success, since `job` ended — by anyone but `job` itself and `ownJobId` (the revert asking,
 * whose own entries a re-delivered slice finds). The job a revert reverted is not "since" either (it ended before
 * the revert started). Each of these jobs writes at most one entry per account, so a page of four tells.
 */
export const changedSince = async (
  accountIds: readonly string[],
  job: Pick<Job, 'id' | 'updatedAt' | 'finishedAt' | 'spec'>,
  ownJobId: string | null,
  audit: Pick<AuditLog, 'query'>,
): Promise<Set<string>> => {
  const ignored = new Set([job.id, ...(ownJobId === null ? [] : [ownJobId]), ...(job.spec.kind === 'revert' ? [job.spec.revertsJobId] : [])]);
  const changed = new Set<string>();
  for (const accountId of accountIds) {
    const { items } = await audit.query({ targetAccountId: accountId, from: job.finishedAt ?? job.updatedAt, actions: accountChanges, outcome: ['succeeded'], limit: 4, after: null });
    if (items.some((e) => e.jobId === null || !ignored.has(e.jobId))) changed.add(accountId);
  }
  return changed;
};
