import { changeOf, type Task } from '../../../model/task';
import { isProposalOpen, type TaskRun } from '../../../model/taskRecords';
import type { User } from '../../../model/user';
import type { NoticeUser } from '../../../model/webhooks';
import { stableHash } from '../../bulk/stableId';
import { evaluateTask } from '../evaluateTask';
import type { TaskPlan } from '../planTask';
import { noticesToStore, proposalOf } from '../runRecords';
import type { TaskRunnerDeps } from '../runnerDeps';
import { SAFETY_CAP_EXCEEDED } from '../safetyCap';
import { endRun, taskRef } from './runOutcome';
import { createTaskJobs, jobParts, taskJobId } from './taskJobs';

/** The reason of a run whose `users-to-be-changed` notice could not be queued: it changes and announces nobody. */
export const NOTICE_NOT_SENT = 'notice-not-sent';

const lastActive = (user: User): Date | null =>
  user.productAccess.reduce<Date | null>((latest, a) => (a.lastActiveAt !== null && (latest === null || a.lastActiveAt > latest) ? a.lastActiveAt : latest), null);

/**
 * T5: queues the `users-to-be-changed` notice, then stores the notices (a user already announced keeps the first).
 * The event's key names the run and exactly who it announces, so a re-delivered slice whose plan has changed meanwhile
 * (one more user crossed the rule) sends a new notice with everyone it will store rather than meeting the first one's
 * key. False when the notice could not be queued: nobody is then stored as announced. Storage errors throw (the
 * slice is delivered again).
 */
const announce = async (run: TaskRun, task: Task, plan: TaskPlan, now: Date, deps: TaskRunnerDeps): Promise<boolean> => {
  const { announce: due } = plan.notices;
  if (due.length === 0) return true;
  const ids = due.map((a) => a.accountId);
  const people = await deps.users.getMany(ids);
  const users: NoticeUser[] = people.map((u) => ({ accountId: u.accountId, name: u.name, email: u.email, lastActiveAt: lastActive(u) }));
  const actionDate = due[0]?.plannedChangeAt ?? now;
  const key = `task-notice:${run.id}:${stableHash([...ids].sort().join(','))}`;
  try {
    await deps.notifier.notify({ trigger: 'users-to-be-changed', key, task: taskRef(task), actionDate, users });
  } catch {
    return false;
  }
  await deps.notices.add(noticesToStore(task.id, plan, now));
  return true;
};

const PENDING_LIMIT = 200;

/** The users the task's proposals still waiting for review have (T6: a new proposal leaves them out). */
const pendingProposed = async (taskId: string, now: Date, deps: TaskRunnerDeps): Promise<Set<string>> => {
  const pending = await deps.proposals.list('pending', PENDING_LIMIT);
  return new Set(pending.filter((p) => p.taskId === taskId && isProposalOpen(p, now)).flatMap((p) => p.accountIds));
};

/** What the planning slice left to do: nothing (the run ended), or the jobs of its change. */
export type Planned = { kind: 'ended'; run: TaskRun } | { kind: 'acting'; run: TaskRun };

/**
 * The first slice of a run (T3): the task's plan over the synced copy; the safety cap (T7: over it, nothing
 * changes and the run fails); the notices (T5: announce, clear those who no longer match); then notify only ends,
 * review mode stores a proposal (T6), and a change creates its jobs, whose executor reads every user live and
 * re-checks them against the task before changing them (P5). Re-delivered, it plans again and repeats only what
 * is idempotent: the same notice key, notices keep their first date, one proposal per run, jobs by the run's id.
 */
export const planRun = async (run: TaskRun, task: Task, deps: TaskRunnerDeps): Promise<Planned> => {
  const ended = async (status: TaskRun['status'], reason: string | null, counts: TaskRun['counts']): Promise<Planned> => ({
    kind: 'ended',
    run: await endRun(run, task, { status, reason, counts }, deps),
  });
  const zero = { matched: 0, changed: 0, failed: 0, skipped: 0, announced: 0 };
  if ((await deps.secrets.info()) === null) return ended('failed', 'API_KEY_MISSING', zero);
  const plan = await evaluateTask(task, deps);
  const matched = plan.items.filter((i) => i.decision === 'will-change' || i.match !== null).length;
  if (plan.safety.status === 'over-cap') return ended('failed', SAFETY_CAP_EXCEEDED, { ...zero, matched, skipped: matched });
  const now = deps.clock.now();
  if (!(await announce(run, task, plan, now, deps))) return ended('failed', NOTICE_NOT_SENT, { ...zero, matched, skipped: matched });
  if (plan.notices.clear.length > 0) await deps.notices.clear(task.id, plan.notices.clear);
  const counts = { ...zero, matched, skipped: matched - plan.summary.willChange, announced: plan.notices.announce.length };
  const change = changeOf(task.action);
  if (change === null) return ended('succeeded', null, counts);
  if (task.action.type === 'propose') {
    const proposal = proposalOf(task, plan, { id: deps.ids.next(), taskId: task.id, runId: run.id }, now, await pendingProposed(task.id, now, deps));
    if (proposal === null) return ended('succeeded', null, counts);
    await deps.proposals.create(proposal);
    return ended('proposed', null, counts);
  }
  const parts = jobParts(change, plan.items);
  if (parts.length === 0) return ended('succeeded', null, counts);
  await createTaskJobs(run, parts, { kind: 'task', taskId: task.id }, now, deps.jobs);
  const acting: TaskRun = { ...run, counts, jobId: taskJobId(run.id, 0) };
  await deps.tasks.updateRun(acting);
  return { kind: 'acting', run: acting };
};
