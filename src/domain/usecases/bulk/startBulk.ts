import type { AuditActor } from '../../model/audit';
import { DomainError } from '../../model/errors';
import type { BulkAction } from '../../policy/actionEligibility';
import type { JobDeps } from './deps';
import { toBulkJobView, type BulkJobView } from './jobView';
import { launchJob, queuedJob } from './launchJob';
import { computePlan } from './planBulk';
import type { BulkSelection } from './selection';

/** Held while a job is being created, so a double click creates one job. */
const START_LOCK = 'bulk-start';
const START_LOCK_SECONDS = 120;

const busy = (): DomainError => new DomainError('LOCK_HELD', 'A bulk action is already running');

/**
 * B3: plans the selection again on the server (a client's plan is never trusted), creates a job with one item
 * per selected user (the executor re-checks each, so skipped users are recorded and audited too) and what it does
 * (its spec), and pushes its first slice to the jobs queue. One bulk action at a time: LOCK_HELD otherwise. The actor
 * is the admin on the page, or a caller of the web trigger (S10); a caller's job has no `createdBy` account.
 */
export const startBulk = async (
  request: { action: BulkAction; selection: BulkSelection },
  actor: AuditActor & { kind: 'admin' | 'caller' },
  deps: JobDeps,
): Promise<BulkJobView> => {
  const lease = await deps.lock.acquire(START_LOCK, START_LOCK_SECONDS);
  if (lease === null) throw busy();
  try {
    if ((await deps.jobs.current('bulk-action')) !== null) throw busy();
    const { plan } = await computePlan(request.action, request.selection, deps);
    const job = queuedJob(
      {
        id: deps.ids.next(),
        kind: 'bulk-action',
        spec: { kind: 'bulk-action', action: request.action, actor },
        createdBy: actor.kind === 'admin' ? actor.accountId : null,
        phase: request.action.type,
        total: plan.items.length,
      },
      deps.clock.now(),
    );
    await launchJob(job, plan.items.map((i) => i.accountId), { kind: 'bulk-action', jobId: job.id, slice: 0 }, deps);
    return toBulkJobView(job);
  } finally {
    await deps.lock.release(lease);
  }
};
