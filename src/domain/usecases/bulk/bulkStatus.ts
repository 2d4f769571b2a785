import { DomainError } from '../../model/errors';
import { bulkLimits, type JobDeps } from './deps';
import { isFinished, toBulkJobView, type BulkJobView } from './jobView';

/**
 * B3 progress of a job (or, without `jobId`, of the bulk action running now; null when none). Polling also heals:
 * a running job whose record has not moved for `stallAfterMs` (its continuation was lost: a crash, a platform
 * failure) gets a new continuation pushed, so the job survives restarts.
 */
export const bulkStatus = async (
  jobId: string | undefined,
  deps: JobDeps & { limits?: Parameters<typeof bulkLimits>[0] },
): Promise<BulkJobView | null> => {
  const id = jobId ?? (await deps.pointers.current('bulk-action'));
  if (id === null) return null;
  const job = await deps.jobs.get(id);
  if (job === null || job.kind !== 'bulk-action') {
    if (jobId === undefined) return null;
    throw new DomainError('NOT_FOUND', 'No such bulk action', { jobId });
  }
  const spec = await deps.specs.get(job.id);
  const now = deps.clock.now();
  if (!isFinished(job) && now.getTime() - job.updatedAt.getTime() > bulkLimits(deps.limits).stallAfterMs) {
    const touched = { ...job, updatedAt: now };
    await deps.jobs.update(touched);
    await deps.queue.push({ kind: 'bulk-action', jobId: job.id, slice: 0 });
    return toBulkJobView(touched, spec?.action ?? null);
  }
  return toBulkJobView(job, spec?.action ?? null);
};

export interface BulkResultView {
  accountId: string;
  name: string | null;
  email: string | null;
  outcome: 'succeeded' | 'failed' | 'skipped';
  reason: string | null;
  messageKey: string;
}

const messageKeyOf = (outcome: BulkResultView['outcome'], reason: string | null): string => {
  if (outcome === 'succeeded' || reason === null) return 'bulk.outcomes.succeeded';
  return /^[A-Z_]+$/.test(reason) ? `errors.${reason}` : `bulk.reasons.${reason}`;
};

/** B3: per-user results of a job's finished items, by account ID, keyset-paged. */
export const bulkResults = async (
  request: { jobId: string; limit: number; after: string | null },
  deps: Pick<JobDeps, 'jobs' | 'users'>,
): Promise<{ items: BulkResultView[]; next: string | null }> => {
  const job = await deps.jobs.get(request.jobId);
  if (job === null) throw new DomainError('NOT_FOUND', 'No such bulk action', { jobId: request.jobId });
  const page = await deps.jobs.results(request.jobId, request.limit, request.after);
  const people = new Map((await deps.users.getMany(page.items.map((i) => i.accountId))).map((u) => [u.accountId, u]));
  const items = page.items.map((item) => ({
    ...item,
    name: people.get(item.accountId)?.name ?? null,
    email: people.get(item.accountId)?.email ?? null,
    messageKey: messageKeyOf(item.outcome, item.reason),
  }));
  return { items, next: page.next };
};
