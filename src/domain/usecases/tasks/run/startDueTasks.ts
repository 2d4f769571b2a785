import type { AuditActor } from '../../../model/audit';
import { isDomainError } from '../../../model/errors';
import type { Task } from '../../../model/task';
import { isProposalOpen, type TaskRun } from '../../../model/taskRecords';
import { dueRunDecision, dueTaskRun, type SiteClock } from '../../../policy/taskSchedule';
import type { DueTaskStarter } from '../../sync/hourlyTick';
import type { TaskRunnerDeps } from '../runnerDeps';
import { healApprovals } from './approveProposal';
import { healRuns } from './healRuns';
import { proposalAuditEntry } from './proposalAudit';
import { deliverEnd } from './runOutcome';
import { startTaskRun } from './startTaskRun';

/** The reason of a scheduled run a sync kept from starting within its hour (T3). */
export const SYNC_OVERLAP = 'sync-overlap';

const SYSTEM: AuditActor = { kind: 'system' };

/** How long a tick sends a skipped slot's audit entry and webhook again, in case the tick that skipped it died. */
const RESEND_SKIPPED_MS = 2 * 60 * 60 * 1000;

const zero = { matched: 0, changed: 0, failed: 0, skipped: 0, announced: 0 };

/**
 * Records a due run a sync kept out of its hour as skipped (once per slot: the record is born ended, so nothing can
 * ever plan it), then its audit entry and `task-failed`. A tick that died in between sends them on a later tick
 * (resendSkipped).
 */
const skipForSync = async (task: Task, slotAt: Date, now: Date, deps: TaskRunnerDeps): Promise<void> => {
  const run: TaskRun = { id: deps.ids.next(), taskId: task.id, trigger: 'schedule', slotAt, startedAt: now, finishedAt: now, status: 'skipped', reason: SYNC_OVERLAP, counts: zero, jobId: null };
  const { run: stored } = await deps.tasks.startRun(run);
  if (stored.status === 'skipped') await deliverEnd(stored, task, deps);
};

/** The audit entry and webhook of a slot skipped for a sync, again while the slot is recent (both are idempotent). */
const resendSkipped = async (last: TaskRun | null, task: Task, now: Date, deps: TaskRunnerDeps): Promise<void> => {
  if (last?.status !== 'skipped' || last.reason !== SYNC_OVERLAP || now.getTime() - last.startedAt.getTime() > RESEND_SKIPPED_MS) return;
  await deliverEnd(last, task, deps);
};

/**
 * The latest run time the task has served: its last scheduled run's, and — so that a new, re-enabled or rescheduled
 * task never catches up a run time from before it — the moment it was created or last saved.
 */
const servedUntil = (task: Task, last: TaskRun | null): Date => {
  const lastSlot = last === null ? 0 : (last.slotAt ?? last.startedAt).getTime();
  return new Date(Math.max(lastSlot, task.createdAt.getTime(), task.updatedAt.getTime()));
};

/** Starts one task if its slot is due: true when a run was started. */
const startIfDue = async (task: Task, site: SiteClock, syncRunning: boolean, now: Date, deps: TaskRunnerDeps): Promise<boolean> => {
  const last = await deps.tasks.latestScheduledRun(task.id);
  await resendSkipped(last, task, now, deps);
  const slotAt = dueTaskRun(task.schedule, site, now, servedUntil(task, last));
  if (slotAt === null) return false;
  const decision = dueRunDecision(slotAt, now, syncRunning);
  if (decision === 'wait') return false;
  if (decision === 'skip-sync-overlap') {
    await skipForSync(task, slotAt, now, deps);
    return false;
  }
  try {
    await startTaskRun({ taskId: task.id, trigger: 'schedule', slotAt, actor: SYSTEM }, deps);
    return true;
  } catch (error) {
    // Still due on the next tick (within the catch-up window): a run of the task still going, a sync that just began.
    if (isDomainError(error) && (error.code === 'LOCK_HELD' || error.code === 'API_KEY_MISSING')) return false;
    throw error;
  }
};

const PENDING_LIMIT = 200;

/**
 * T6: marks proposals whose 7 days have passed as expired, each audited — the entries first, so that no proposal is
 * expired without its entry (a proposal past its expiry can no longer be decided, so the entry cannot be wrong).
 */
const expireProposals = async (now: Date, deps: TaskRunnerDeps): Promise<void> => {
  const due = (await deps.proposals.list('pending', PENDING_LIMIT)).filter((p) => !isProposalOpen(p, now));
  if (due.length === 0) return;
  await deps.audit.append(due.map((p) => proposalAuditEntry(p, 'expired', SYSTEM, now)));
  await deps.proposals.expire(now);
};

/**
 * T3, the hourly tick's tasks seam: expires proposals, finishes approvals and heals runs, then starts every enabled task whose slot is
 * due (policy/taskSchedule: catch-up window, daylight-saving days). Tasks and syncs never overlap: a due run waits
 * while a sync runs within its hour, and after that hour is recorded as skipped (`sync-overlap`). Idempotent per
 * slot: a second tick finds the slot's run. One task's failure does not keep the others from starting.
 */
export const startDueTasks = (deps: TaskRunnerDeps): DueTaskStarter => ({
  startDue: async (now: Date): Promise<number> => {
    await expireProposals(now, deps);
    await healApprovals(now, deps);
    await healRuns(now, deps);
    const { sync } = await deps.settings.load();
    const site: SiteClock = { timeZone: sync.timeZone, syncHour: sync.hour };
    const syncRunning = (await deps.runs.latest())?.status === 'running';
    let started = 0;
    for (const task of await deps.tasks.list()) {
      if (!task.enabled) continue;
      const ok = await startIfDue(task, site, syncRunning, now, deps).catch(() => false);
      if (ok) started += 1;
    }
    return started;
  },
});
