import { DomainError } from '../../model/errors';
import { changeOf, taskDefinitionSchema, type TaskDefinition } from '../../model/task';
import { hoursAfterSync, shouldWarnAfterSync } from '../../policy/timeSlot';
import { fromZod, type FieldIssue } from '../settings/settingsIssues';

/**
 * Named rules (`validation.<rule>`) a task's validation reports beyond zod's own codes; the UI translates each.
 * Stable: never rename one once released.
 */
export const taskValidationRules = [
  'task.name-required',
  'task.name-too-long',
  'task.days-out-of-range',
  'task.seats-out-of-range',
  'task.hour-out-of-range',
  'task.notice-out-of-range',
  'task.safety-cap-out-of-range',
  'task.duplicate-weekday',
  'task.group-included-and-excluded',
  'task.schedule-in-sync-slot',
  'task.seat-cap-needs-revoke',
  'task.notice-with-notify-only',
] as const;
export type TaskValidationRule = (typeof taskValidationRules)[number];

/** Stable codes of what is allowed but worth a second look; the editor shows them beside the field. */
export type TaskWarning = { code: 'task.schedule-after-sync'; path: 'schedule.hour'; hoursAfterSync: number };

/** What validation needs from the site: the sync slot it must avoid, and the org size for the after-sync warning. */
export interface TaskValidationContext {
  syncHour: number;
  userCount: number;
}

const RANGE_RULES: readonly [RegExp, TaskValidationRule][] = [
  [/^rule\.(minInactiveDays|addedMoreThanDays)$/, 'task.days-out-of-range'],
  [/^rule\.maxSeats$/, 'task.seats-out-of-range'],
  [/^schedule\.hour$/, 'task.hour-out-of-range'],
  [/^noticeDays$/, 'task.notice-out-of-range'],
  [/^safetyCap$/, 'task.safety-cap-out-of-range'],
];

const rangeRule = (path: string, code: string): TaskValidationRule | null => {
  if (path === 'name') return code === 'too_big' ? 'task.name-too-long' : 'task.name-required';
  if (code !== 'too_small' && code !== 'too_big' && code !== 'invalid_type') return null;
  return RANGE_RULES.find(([pattern]) => pattern.test(path))?.[1] ?? null;
};

const issue = (path: string, rule: TaskValidationRule): FieldIssue => ({ path, messageKey: `validation.${rule}`, message: rule });

/** What zod cannot see field by field: combinations, and the site's sync slot. */
const crossFieldIssues = (task: TaskDefinition, context: TaskValidationContext): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  const { days } = task.schedule;
  if (days !== 'daily' && new Set(days).size !== days.length) issues.push(issue('schedule.days', 'task.duplicate-weekday'));
  if (task.filter.includeGroupIds.some((id) => task.filter.excludeGroupIds.includes(id))) {
    issues.push(issue('filter.excludeGroupIds', 'task.group-included-and-excluded'));
  }
  if (hoursAfterSync(task.schedule.hour, context.syncHour) === 0) issues.push(issue('schedule.hour', 'task.schedule-in-sync-slot'));
  const change = changeOf(task.action);
  if (task.rule.kind === 'seat-cap' && change !== null) {
    const { productKey, resourceId } = task.rule.product;
    const revokesIt = change.type === 'revoke' && change.products.length === 1 && change.products.every((p) => p.productKey === productKey && p.resourceId === resourceId);
    if (!revokesIt) issues.push(issue('action', 'task.seat-cap-needs-revoke'));
  }
  if (task.action.type === 'notify' && task.noticeDays > 0) issues.push(issue('noticeDays', 'task.notice-with-notify-only'));
  return issues;
};

/**
 * Validates a task as the editor sends it (T1, T4). Every problem is reported at once as VALIDATION_FAILED with
 * `details.issues` (`path`, `messageKey` `validation.<rule or zod code>`); nothing is to be saved then. Refuses a
 * schedule in the sync's hour; answers a warning for the hours right after it in large organizations.
 */
export const validateTask = (input: unknown, context: TaskValidationContext): { task: TaskDefinition; warnings: TaskWarning[] } => {
  const parsed = taskDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = fromZod(parsed.error.issues).map((found, index) => {
      const rule = rangeRule(found.path, parsed.error.issues[index]?.code ?? '');
      return rule === null ? found : issue(found.path, rule);
    });
    throw new DomainError('VALIDATION_FAILED', 'Invalid task', { issues });
  }
  const task = parsed.data;
  const issues = crossFieldIssues(task, context);
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', 'Invalid task', { issues });
  const { hour } = task.schedule;
  const warnings: TaskWarning[] = shouldWarnAfterSync(hour, context.syncHour, context.userCount)
    ? [{ code: 'task.schedule-after-sync', path: 'schedule.hour', hoursAfterSync: hoursAfterSync(hour, context.syncHour) }]
    : [];
  return { task, warnings };
};
