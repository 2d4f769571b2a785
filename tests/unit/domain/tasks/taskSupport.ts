import type { TaskDefinition } from '../../../../src/domain/model/task';
import type { TaskNotice } from '../../../../src/domain/model/taskRecords';
import type { User } from '../../../../src/domain/model/user';
import { ProtectedEmails } from '../../../../src/domain/policy/protectedEmails';
import { planTask, type PlannedTask, type TaskPlan } from '../../../../src/domain/usecases/tasks/planTask';
import type { TaskPlanContext } from '../../../../src/domain/usecases/tasks/taskPlanItem';
import { NOW } from '../fixtures';

/** A valid task definition: deactivate users inactive ≥ 30 days, daily at 05:00, no notice, cap 100. */
export const aTask = (overrides: Partial<TaskDefinition> = {}): TaskDefinition => ({
  name: 'Clean up',
  enabled: true,
  rule: { kind: 'inactive', minInactiveDays: 30, products: 'all' },
  filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['managed', 'external'], billableOnly: false },
  action: { type: 'deactivate' },
  schedule: { days: 'daily', hour: 5 },
  noticeDays: 0,
  safetyCap: 100,
  ...overrides,
});

/** The plan context of a site in UTC with its sync at 03:00, thresholds 90 / 180 days. */
export const aContext = (overrides: Partial<TaskPlanContext> = {}): TaskPlanContext => ({
  protectedEmails: ProtectedEmails.none(),
  groupsById: new Map(),
  thresholds: { warningDays: 90, overdueDays: 180 },
  now: NOW,
  site: { timeZone: 'UTC', syncHour: 3 },
  ...overrides,
});

export const plan = (task: PlannedTask, users: readonly User[], notices: readonly TaskNotice[] = [], context: TaskPlanContext = aContext()): TaskPlan =>
  planTask(task, users, notices, context);

/** The decision for one user: `will-change` or the skip reason. */
export const decisionOf = (result: TaskPlan, user: User): string => {
  const item = result.items.find((i) => i.accountId === user.accountId);
  if (item === undefined) throw new Error(`no item for ${user.accountId}`);
  return item.decision === 'will-change' ? 'will-change' : item.reason;
};
