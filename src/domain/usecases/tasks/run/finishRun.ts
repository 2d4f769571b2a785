import type { Job } from '../../../model/jobs';
import type { Task } from '../../../model/task';
import type { TaskRun } from '../../../model/taskRecords';
import type { ItemOutcome } from '../../../ports/jobRepository';
import type { TaskRunnerDeps } from '../runnerDeps';
import { endRun } from './runOutcome';

const PAGE = 500;

/** The account IDs of a job's items with `outcome`, page by page. */
const itemsWith = async (jobId: string, outcome: ItemOutcome, deps: Pick<TaskRunnerDeps, 'jobs'>): Promise<{ ids: string[]; firstReason: string | null }> => {
  const ids: string[] = [];
  let firstReason: string | null = null;
  let after: string | null = null;
  do {
    const page = await deps.jobs.results(jobId, PAGE, after, outcome);
    for (const item of page.items) {
      ids.push(item.accountId);
      firstReason ??= item.reason;
    }
    after = page.next;
  } while (after !== null);
  return { ids, firstReason };
};

/** Nothing failed: succeeded; some changed, some failed: partially failed; failures and no change: failed. */
const statusOf = (changed: number, failed: number): TaskRun['status'] => {
  if (failed === 0) return 'succeeded';
  return changed > 0 ? 'partially-failed' : 'failed';
};

/**
 * Ends a run whose jobs have all finished (T3, T5): clears the notices of the users it changed (spent) and of those
 * the live re-check spared (they no longer match: active again, protected, gone), keeps those whose change failed
 * (the next run tries again), adds the jobs' counts to the plan's, and ends the run with the first failure's code
 * as its reason. Idempotent: a re-delivered slice clears and counts the same again.
 */
export const finishRun = async (run: TaskRun, task: Task, jobs: readonly Job[], deps: TaskRunnerDeps): Promise<TaskRun> => {
  let changed = 0;
  let failed = 0;
  let skipped = 0;
  let reason: string | null = null;
  for (const job of jobs) {
    const [done, spared, failures] = await Promise.all([
      itemsWith(job.id, 'succeeded', deps),
      itemsWith(job.id, 'skipped', deps),
      itemsWith(job.id, 'failed', deps),
    ]);
    const spent = [...done.ids, ...spared.ids];
    if (spent.length > 0) await deps.notices.clear(task.id, spent);
    changed += done.ids.length;
    skipped += spared.ids.length;
    failed += failures.ids.length;
    reason ??= failures.firstReason;
  }
  const counts = { ...run.counts, changed, failed, skipped: run.counts.skipped + skipped };
  const status = statusOf(changed, failed);
  return endRun(run, task, { status, reason: status === 'succeeded' ? null : reason, counts }, deps);
};
