import { isDomainError } from '../../../model/errors';
import type { User } from '../../../model/user';
import type { ItemCheck, ItemEnv, LiveRecheck } from '../../bulk/itemOutcome';
import { liveUsers } from '../../bulk/liveUsers';
import { withActivity } from '../../sync/activityMerge';
import type { PlannedTask } from '../planTask';
import { evaluateUser } from '../ruleMatch';
import type { TaskPlanContext } from '../taskPlanItem';
import type { TaskRunnerDeps } from '../runnerDeps';

/**
 * P5 for a task's job: reads the batch's users live (the users search, 10 accounts a call) and each one's last
 * activity from the per-user endpoint, so no one is changed on day-old data. A user the directory no longer
 * returns is left out (the executor skips them as `left-org`).
 */
const readLive = async (accountIds: readonly string[], env: ItemEnv, deps: Pick<TaskRunnerDeps, 'activity'>): Promise<Map<string, User>> => {
  const found = await liveUsers(accountIds, env.target);
  const read = new Map<string, User>();
  for (const [accountId, user] of found) {
    try {
      read.set(accountId, withActivity(user, await deps.activity.lastActiveDates(env.target.orgId, accountId)));
    } catch (error) {
      if (!(isDomainError(error) && error.code === 'NOT_FOUND')) throw error;
    }
  }
  return read;
};

/** The task's verdict on one live user for this job's action: its change, or why it is spared now. */
const checkUser = (user: User, task: PlannedTask, env: ItemEnv, context: TaskPlanContext): ItemCheck => {
  const outcome = evaluateUser(user, task, context);
  if ('reason' in outcome) return { decision: 'skip', reason: outcome.reason, groupIds: outcome.groupIds };
  const action = env.action;
  const change = outcome.changes.find((c) => c.action.type === action.type && (!('resourceId' in action) || ('resourceId' in c.action && c.action.resourceId === action.resourceId)));
  if (change === undefined || change.method === 'notify') return { decision: 'skip', reason: 'no-product-access' };
  return { decision: 'will-change', method: change.method, groupIds: change.groupIds };
};

/** The live re-check of a task's job (T3, P5): the task's rule, filter and the bulk checks, on the user read now. */
export const taskRecheck =
  (task: PlannedTask, deps: Pick<TaskRunnerDeps, 'activity' | 'settings'>) =>
  async (env: ItemEnv): Promise<LiveRecheck> => {
    const { sync } = await deps.settings.load();
    const context: TaskPlanContext = { ...env.context, site: { timeZone: sync.timeZone, syncHour: sync.hour } };
    return { readLive: (ids) => readLive(ids, env, deps), check: (user) => checkUser(user, task, env, context) };
  };
