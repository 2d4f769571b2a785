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
 * Ends a run whose jobs have all finished (T3, T5). Each user counts once over the run's parts (one per product of a
 * revoke): failed when a part failed them, else changed when a part changed them, else skipped. Clears the notices
 * of the users it changed (spent) and of those the live re-check spared (they no longer match: active again,
 * protected, gone), keeps those of users who failed in any part (the next run tries again), adds the counts to the
 * plan's, and ends the run with the first failure's code as its reason — or, for a run stopped because its task was
 * deleted or disabled (`stopped`), failed (partly, when it had changed someone) with that reason. Idempotent: a
 * re-delivered slice clears and counts the same again.
 */
export const finishRun = async (run: TaskRun, task: Task, jobs: readonly Job[], deps: TaskRunnerDeps, stopped: string | null = null): Promise<TaskRun> => {
  const done = new Set<string>();
  const spared = new Set<string>();
  const failures = new Set<string>();
  let reason: string | null = null;
  for (const job of jobs) {
    const [succeeded, skippedItems, failedItems] = await Promise.all([
      itemsWith(job.id, 'succeeded', deps),
      itemsWith(job.id, 'skipped', deps),
      itemsWith(job.id, 'failed', deps),
    ]);
    for (const id of succeeded.ids) done.add(id);
    for (const id of skippedItems.ids) spared.add(id);
    for (const id of failedItems.ids) failures.add(id);
    reason ??= failedItems.firstReason;
  }
  const changedIds = [...done].filter((id) => !failures.has(id));
  const sparedIds = [...spared].filter((id) => !failures.has(id) && !done.has(id));
  const spent = [...changedIds, ...sparedIds];
  if (spent.length > 0) await deps.notices.clear(task.id, spent);
  const changed = changedIds.length;
  const counts = { ...run.counts, changed, failed: failures.size, skipped: run.counts.skipped + sparedIds.length };
  if (stopped !== null) return endRun(run, task, { status: changed > 0 ? 'partially-failed' : 'failed', reason: stopped, counts }, deps);
  const status = statusOf(changed, failures.size);
  return endRun(run, task, { status, reason: status === 'succeeded' ? null : reason, counts }, deps);
};
