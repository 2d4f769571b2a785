import { DomainError } from '../../model/errors';
import type { JobDeps } from '../bulk/deps';
import { toBulkJobView, type BulkJobView } from '../bulk/jobView';
import { launchJob, queuedJob } from '../bulk/launchJob';
import { blockedError, recordedChanges, revertSource, type RevertActor } from './revertSource';
import { inverseAction } from './revertRules';

/** Held while a revert is being created, so a double click creates one job. */
const START_LOCK = 'revert-start';
const START_LOCK_SECONDS = 120;

const busy = (): DomainError => new DomainError('LOCK_HELD', 'A revert is already running');

/**
 * B5: starts the revert of a finished job — a job of kind `revert` whose items are the users the job changed (the
 * executor reads each live and undoes the change only when it is still there), its action the opposite of the job's,
 * its first slice pushed to the jobs queue. One revert at a time (so a job is never reverted twice at once):
 * LOCK_HELD otherwise. VALIDATION_FAILED for a job still running, ended more than 90 days ago, or that changed
 * nobody; NOT_FOUND for an unknown job.
 */
export const startRevert = async (request: { jobId: string }, actor: RevertActor, deps: JobDeps): Promise<BulkJobView> => {
  const lease = await deps.lock.acquire(START_LOCK, START_LOCK_SECONDS);
  if (lease === null) throw busy();
  try {
    if ((await deps.jobs.current('revert')) !== null) throw busy();
    const { job: source, block } = await revertSource(request.jobId, deps);
    if (block !== null) throw blockedError(block);
    const accountIds = (await recordedChanges(source.id, deps.jobs)).map((c) => c.accountId);
    if (accountIds.length === 0) throw blockedError('nothing-to-revert');
    const action = inverseAction(source.spec.action);
    const spec = { kind: 'revert' as const, revertsJobId: source.id, action, actor };
    const job = queuedJob({ id: deps.ids.next(), kind: 'revert', spec, createdBy: actor.accountId, phase: action.type, total: accountIds.length }, deps.clock.now());
    await launchJob(job, accountIds, { kind: 'revert', jobId: job.id, slice: 0 }, deps);
    return toBulkJobView(job);
  } finally {
    await deps.lock.release(lease);
  }
};
