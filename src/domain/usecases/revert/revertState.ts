import type { Job } from '../../model/jobs';
import type { Clock } from '../../ports/clock';
import type { JobRepository } from '../../ports/jobRepository';
import type { UserRepository } from '../../ports/userRepository';
import { revertBlock, type RevertBlock } from './revertRules';

/** A job's newest revert: that job, its status, when it was started and by whom (null when the directory does not know them). */
export interface RevertedBy {
  jobId: string;
  status: Job['status'];
  at: Date;
  byName: string | null;
}

/** B5 on a job: why it cannot be reverted now (null: it can), and its newest revert. */
export interface RevertState {
  blocked: RevertBlock | null;
  revertedBy: RevertedBy | null;
}

/** The revert state of each of `jobs`, by job id. */
export const revertStates = async (
  jobs: readonly Job[],
  deps: { jobs: Pick<JobRepository, 'revertsOf'>; users: Pick<UserRepository, 'getMany'>; clock: Clock },
): Promise<Map<string, RevertState>> => {
  const reverts = jobs.length === 0 ? [] : await deps.jobs.revertsOf(jobs.map((j) => j.id));
  const starters = [...new Set(reverts.flatMap((r) => (r.createdBy === null ? [] : [r.createdBy])))];
  const names = new Map((starters.length === 0 ? [] : await deps.users.getMany(starters)).map((u) => [u.accountId, u.name]));
  const byJob = new Map(reverts.flatMap((r) => (r.spec.kind === 'revert' ? [[r.spec.revertsJobId, r] as const] : [])));
  const now = deps.clock.now();
  return new Map(
    jobs.map((job): [string, RevertState] => {
      const r = byJob.get(job.id);
      const revertedBy = r === undefined ? null : { jobId: r.id, status: r.status, at: r.createdAt, byName: names.get(r.createdBy ?? '') ?? null };
      return [job.id, { blocked: revertBlock(job, now, r), revertedBy }];
    }),
  );
};
