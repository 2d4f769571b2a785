import { isDomainError } from '../../../model/errors';
import type { User } from '../../../model/user';
import { bulkLimits } from '../../bulk/deps';
import type { ItemCheck, ItemEnv, LiveRecheck } from '../../bulk/itemOutcome';
import { liveUsers } from '../../bulk/liveUsers';
import { withActivity } from '../../sync/activityMerge';
import type { PlannedTask } from '../planTask';
import { evaluateUser } from '../ruleMatch';
import type { TaskPlanContext } from '../taskPlanItem';
import type { TaskRunnerDeps } from '../runnerDeps';

type ReadDeps = Pick<TaskRunnerDeps, 'activity' | 'jobs' | 'limits'>;

/**
 * P5 for a task's job: each user is read live — the users search (10 accounts a call) and their last activity from
 * the per-user endpoint — so no one is changed on day-old data. A user the directory no longer returns reads as
 * null (the executor skips them as `left-org`). While a batch is being changed, the next batch is already being
 * read (the directory paces reads and writes apart), so a run takes about as long as its slowest kind of call.
 */
class LiveReads {
  private readonly started = new Map<string, Promise<User | null>>();

  constructor(
    private readonly env: ItemEnv,
    private readonly deps: ReadDeps,
  ) {}

  private start(accountIds: readonly string[]): void {
    const fresh = accountIds.filter((id) => !this.started.has(id));
    if (fresh.length === 0) return;
    const found = liveUsers(fresh, this.env.target);
    for (const accountId of fresh) {
      const read = found.then((users) => {
        const user = users.get(accountId);
        return user === undefined ? null : this.withLiveActivity(user);
      });
      // Handled here so that a read nobody waits for (the slice ended first) is not an unhandled rejection.
      read.catch(() => undefined);
      this.started.set(accountId, read);
    }
  }

  private async withLiveActivity(user: User): Promise<User | null> {
    try {
      return withActivity(user, await this.deps.activity.lastActiveDates(this.env.target.orgId, user.accountId));
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  async read(accountIds: readonly string[]): Promise<Map<string, User>> {
    this.start(accountIds);
    const { batchSize } = bulkLimits(this.deps.limits);
    const upcoming = await this.deps.jobs.pendingItems(this.env.jobId, batchSize * 2);
    this.start(upcoming.filter((id) => !accountIds.includes(id)));
    const read = new Map<string, User>();
    for (const accountId of accountIds) {
      const user = await this.started.get(accountId);
      this.started.delete(accountId);
      if (user !== null && user !== undefined) read.set(accountId, user);
    }
    return read;
  }
}

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
  (task: PlannedTask, deps: Pick<TaskRunnerDeps, 'activity' | 'settings' | 'jobs' | 'limits'>) =>
  async (env: ItemEnv): Promise<LiveRecheck> => {
    const { sync } = await deps.settings.load();
    const context: TaskPlanContext = { ...env.context, site: { timeZone: sync.timeZone, syncHour: sync.hour } };
    const reads = new LiveReads(env, deps);
    return { readLive: (ids) => reads.read(ids), check: (user) => checkUser(user, task, env, context) };
  };
