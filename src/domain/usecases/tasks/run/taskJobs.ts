import type { AuditActor } from '../../../model/audit';
import type { Job } from '../../../model/jobs';
import type { TaskChange } from '../../../model/task';
import type { TaskRun } from '../../../model/taskRecords';
import type { BulkAction } from '../../../policy/actionEligibility';
import type { JobRepository } from '../../../ports/jobRepository';
import { bulkActionsOf } from '../ruleMatch';
import type { TaskPlanItem } from '../taskPlanItem';

/** The job of part `part` of a run: derived from the run, so a re-delivered slice creates the same jobs again. */
export const taskJobId = (runId: string, part: number): string => `${runId}:p${String(part)}`;

/** One bulk action of a run's change and the users it is for. */
export interface JobPart {
  action: BulkAction;
  accountIds: string[];
}

const sameAction = (a: BulkAction | { type: 'notify' }, b: BulkAction): boolean =>
  a.type === b.type && ('resourceId' in a ? 'resourceId' in b && a.resourceId === b.resourceId : true);

/** The parts of a change (one deactivation, or one revoke per product), each with the plan's users it changes; empty parts left out. */
export const jobParts = (change: TaskChange, items: readonly TaskPlanItem[]): JobPart[] =>
  bulkActionsOf(change)
    .map((action) => ({
      action,
      accountIds: items.flatMap((i) => (i.decision === 'will-change' && i.changes.some((c) => sameAction(c.action, action)) ? [i.accountId] : [])),
    }))
    .filter((part) => part.accountIds.length > 0);

/**
 * Creates the jobs of a run's parts (idempotent: a job already created keeps its record and items). Items are the
 * users; the executor reads each live and re-checks it against the task before changing it.
 */
export const createTaskJobs = async (run: TaskRun, parts: readonly JobPart[], actor: AuditActor, now: Date, jobs: Pick<JobRepository, 'create'>): Promise<void> => {
  for (const [part, { action, accountIds }] of parts.entries()) {
    const job: Job = {
      id: taskJobId(run.id, part),
      kind: 'task-run',
      spec: { kind: 'task-run', taskId: run.taskId, runId: run.id, part, parts: parts.length, action, actor },
      status: 'queued',
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
      createdBy: actor.kind === 'admin' ? actor.accountId : null,
      phase: action.type,
      processed: 0,
      total: accountIds.length,
      succeeded: 0,
      failed: 0,
      skipped: 0,
      attempts: 0,
    };
    await jobs.create(job, accountIds);
  }
};
