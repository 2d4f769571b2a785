import { DomainError } from '../../model/errors';
import type { ItemOutcome } from '../../ports/jobRepository';
import { skipReasonKey } from '../tasks/run/reasonKeys';
import type { JobDeps } from './deps';
import { toBulkJobView, type BulkJobView } from './jobView';

/**
 * B3 progress of a job (or, without `jobId`, of the bulk action running now; null when none). Only reads: a job
 * whose continuation was lost is healed by the hourly tick (healStalledJobs), never by a poll.
 */
export const bulkStatus = async (jobId: string | undefined, deps: Pick<JobDeps, 'jobs'>): Promise<BulkJobView | null> => {
  if (jobId === undefined) {
    const running = await deps.jobs.current('bulk-action');
    return running === null ? null : toBulkJobView(running);
  }
  const job = await deps.jobs.get(jobId);
  if (job === null || job.kind !== 'bulk-action') throw new DomainError('NOT_FOUND', 'No such bulk action', { jobId });
  return toBulkJobView(job);
};

export interface BulkResultView {
  accountId: string;
  name: string | null;
  email: string | null;
  outcome: ItemOutcome;
  reason: string | null;
  messageKey: string;
}

const messageKeyOf = (outcome: ItemOutcome, reason: string | null): string => {
  if (outcome === 'succeeded' || reason === null) return 'bulk.outcomes.succeeded';
  return /^[A-Z_]+$/.test(reason) ? `errors.${reason}` : skipReasonKey(reason);
};

/** B3: per-user results of a job's finished items (only those of `outcome` when given), by account ID, keyset-paged. */
export const bulkResults = async (
  request: { jobId: string; limit: number; after: string | null; outcome?: ItemOutcome | undefined },
  deps: Pick<JobDeps, 'jobs' | 'users'>,
): Promise<{ items: BulkResultView[]; next: string | null }> => {
  const job = await deps.jobs.get(request.jobId);
  if (job === null) throw new DomainError('NOT_FOUND', 'No such bulk action', { jobId: request.jobId });
  const page = await deps.jobs.results(request.jobId, request.limit, request.after, request.outcome);
  const people = new Map((await deps.users.getMany(page.items.map((i) => i.accountId))).map((u) => [u.accountId, u]));
  const items = page.items.map((item) => ({
    ...item,
    name: people.get(item.accountId)?.name ?? null,
    email: people.get(item.accountId)?.email ?? null,
    messageKey: messageKeyOf(item.outcome, item.reason),
  }));
  return { items, next: page.next };
};
