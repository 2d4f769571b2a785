import { DomainError } from '../../model/errors';
import type { Job } from '../../model/jobs';
import type { TaskRun } from '../../model/taskRecords';
import type { BulkAction } from '../../policy/actionEligibility';
import type { ItemOutcome, JobRepository } from '../../ports/jobRepository';
import type { TaskRepository } from '../../ports/taskRepository';
import { bulkResults, type BulkResultView } from '../bulk/bulkStatus';
import type { JobDeps } from '../bulk/deps';
import { revertStates, type RevertState } from '../revert/revertState';
import { taskRunReasons } from './run/reasonKeys';
import { taskJobId } from './run/taskJobs';

/** A run as run history shows it: its record without the job, and the translation key of its reason. */
export type TaskRunView = Omit<TaskRun, 'id' | 'jobId'> & { runId: string; reasonKey: string | null; hasResults: boolean };

/** The words for a run's reason: an error code's (`errors.<CODE>`), the runner's (`taskRunner.reasons.*`), or a general one. */
export const runReasonKey = (reason: string | null): string | null => {
  if (reason === null) return null;
  if (/^[A-Z_]+$/.test(reason)) return `errors.${reason}`;
  return (taskRunReasons as readonly string[]).includes(reason) ? `taskRunner.reasons.${reason}` : 'taskRuns.runReasons.other';
};

export const toRunView = ({ id, jobId, ...run }: TaskRun): TaskRunView => ({ ...run, runId: id, reasonKey: runReasonKey(run.reason), hasResults: jobId !== null });

/** T3 run history: a task's runs, newest first, keyset-paged; kept (and readable) after the task is deleted. */
export const taskRunHistory = async (
  request: { taskId: string; limit: number; after: string | null },
  deps: { tasks: Pick<TaskRepository, 'get' | 'runs'> },
): Promise<{ items: TaskRunView[]; next: string | null }> => {
  if ((await deps.tasks.get(request.taskId)) === null) throw new DomainError('NOT_FOUND', 'No such task', { taskId: request.taskId });
  const page = await deps.tasks.runs(request.taskId, request.limit, request.after);
  return { items: page.items.map(toRunView), next: page.next };
};

/** The jobs of a run's parts (one per product of a multi-product revoke), in order, from its first job. */
const partJobs = async (run: TaskRun, jobs: Pick<JobRepository, 'get'>): Promise<Job[]> => {
  const first = run.jobId === null ? null : await jobs.get(run.jobId);
  if (first === null) return [];
  if (first.spec.kind !== 'task-run' || first.spec.parts === 1) return [first];
  const { runId, parts } = first.spec;
  const found = await Promise.all(Array.from({ length: parts }, (_, part) => jobs.get(taskJobId(runId, part))));
  return found.flatMap((job) => (job === null ? [] : [job]));
};

/**
 * T3 run detail: a run's counts and outcome, its task's name, its parts (the bulk action of each of its jobs: one,
 * or one per product of a revoke) with each part's job and revert state (B5), and the per-user results of part
 * `part` (as bulk results, only those of `outcome` when given); no parts and no results for a run that changed nobody
 * (skipped, failed before acting, notify only, proposed).
 */
export const taskRunDetail = async (
  request: { runId: string; part?: number | undefined; limit: number; after: string | null; outcome?: ItemOutcome | undefined },
  deps: Pick<JobDeps, 'jobs' | 'users' | 'clock'> & { tasks: Pick<TaskRepository, 'get' | 'getRun'> },
): Promise<{
  run: TaskRunView;
  taskName: string | null;
  parts: BulkAction[];
  partJobs: { jobId: string; revert: RevertState }[];
  results: { items: BulkResultView[]; next: string | null };
}> => {
  const run = await deps.tasks.getRun(request.runId);
  if (run === null) throw new DomainError('NOT_FOUND', 'No such task run', { runId: request.runId });
  const [task, jobs] = await Promise.all([deps.tasks.get(run.taskId), partJobs(run, deps.jobs)]);
  const job = jobs[request.part ?? 0];
  const results = job === undefined ? { items: [], next: null } : await bulkResults({ ...request, jobId: job.id }, deps);
  const reverts = await revertStates(jobs, deps);
  const partsOf = jobs.map((j) => ({ jobId: j.id, revert: reverts.get(j.id) ?? { blocked: null, revertedBy: null } }));
  return { run: toRunView(run), taskName: task?.name ?? null, parts: jobs.map((j) => j.spec.action), partJobs: partsOf, results };
};
