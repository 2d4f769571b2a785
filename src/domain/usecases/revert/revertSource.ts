import type { AuditActor } from '../../model/audit';
import { DomainError } from '../../model/errors';
import type { Job } from '../../model/jobs';
import type { Clock } from '../../ports/clock';
import type { ItemChange, JobRepository } from '../../ports/jobRepository';
import { revertBlock, type RevertBlock } from './revertRules';

const PAGE = 500;

/**
 * The job to revert — a bulk action, a part of a task's run, or a revert (which re-applies what it restored) — and
 * why it cannot be reverted now (null: it can; see revertBlock, with its newest revert); NOT_FOUND for an unknown
 * job (a sync is not one of these jobs).
 */
export const revertSource = async (jobId: string, deps: { jobs: Pick<JobRepository, 'get' | 'revertsOf'>; clock: Clock }): Promise<{ job: Job; block: RevertBlock | null }> => {
  const job = await deps.jobs.get(jobId);
  if (job === null) throw new DomainError('NOT_FOUND', 'No such job', { jobId });
  const [revert] = await deps.jobs.revertsOf([job.id]);
  return { job, block: revertBlock(job, deps.clock.now(), revert) };
};

/** VALIDATION_FAILED naming why the job cannot be reverted (`revert.blocked.<block>`). */
export const blockedError = (block: RevertBlock): DomainError =>
  new DomainError('VALIDATION_FAILED', 'This job cannot be reverted', {
    issues: [{ path: 'jobId', messageKey: `revert.blocked.${block}`, message: block }],
  });

/** Every change the job recorded on its succeeded items, by account ID. */
export const recordedChanges = async (jobId: string, jobs: Pick<JobRepository, 'results' | 'changes'>): Promise<ItemChange[]> => {
  const found: ItemChange[] = [];
  let after: string | null = null;
  do {
    const page: Awaited<ReturnType<JobRepository['results']>> = await jobs.results(jobId, PAGE, after, 'succeeded');
    found.push(...(await jobs.changes(jobId, page.items.map((i) => i.accountId))));
    after = page.next;
  } while (after !== null);
  return found;
};

/** Who a revert acts for: the admin who asked for it. */
export type RevertActor = AuditActor & { kind: 'admin' };
