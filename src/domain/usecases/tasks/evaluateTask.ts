import type { Group } from '../../model/group';
import type { Settings } from '../../model/settings';
import { ProtectedEmails } from '../../policy/protectedEmails';
import { changeOf } from '../../model/task';
import type { Clock } from '../../ports/clock';
import type { GroupRepository } from '../../ports/groupRepository';
import type { SettingsStore } from '../../ports/settingsStore';
import type { TaskCandidates } from '../../ports/taskCandidates';
import type { TaskNoticeRepository } from '../../ports/taskNoticeRepository';
import { allGroups } from '../bulk/planContext';
import { planTask, type PlannedTask, type TaskPlan } from './planTask';
import { seatCapUsers } from './seatCapUsers';
import type { TaskPlanContext } from './taskPlanItem';

/** What evaluating a task over the synced copy reads. */
export interface EvaluateTaskDeps {
  candidates: TaskCandidates;
  notices: Pick<TaskNoticeRepository, 'forTask'>;
  settings: SettingsStore;
  groups: GroupRepository;
  clock: Clock;
}

/** The plan context of a task at `now`: the bulk plan's (whitelist, thresholds, groups when revoking) and the site's clock. */
export const taskPlanContext = async (task: PlannedTask, settings: Settings, now: Date, groups: GroupRepository): Promise<TaskPlanContext> => {
  const revokes = changeOf(task.action)?.type === 'revoke';
  return {
    protectedEmails: ProtectedEmails.from(settings.protectedEmails),
    groupsById: revokes ? await allGroups(groups) : new Map<string, Group>(),
    thresholds: settings.inactivity,
    now,
    site: { timeZone: settings.sync.timeZone, syncHour: settings.sync.hour },
  };
};

/**
 * T2: a task's plan now, over the synced copy — the users its rule could pick (for a seat cap, its holders from the
 * longest-inactive on, as far as the cap needs), its stored notices, the current settings. Changes nothing: the dry run shows it, and a run starts from it (then evaluates again over the users
 * read live).
 */
export const evaluateTask = async (task: PlannedTask & { id: string }, deps: EvaluateTaskDeps): Promise<TaskPlan> => {
  const now = deps.clock.now();
  const settings = await deps.settings.load();
  const [context, notices] = await Promise.all([taskPlanContext(task, settings, now, deps.groups), deps.notices.forTask(task.id)]);
  const { rule } = task;
  if (rule.kind === 'seat-cap') {
    const read = await seatCapUsers(task, rule.product, rule.maxSeats, deps.candidates, context);
    const plan = planTask(task, read.users, notices, context, read.seats);
    return { ...plan, summary: { ...plan.summary, keepSeat: read.unread } };
  }
  return planTask(task, await deps.candidates.forRule(rule, { now, thresholds: settings.inactivity }), notices, context);
};
