import type { TaskActionDto, TaskActionType, TaskDefinitionDto, TaskDto, TaskRuleDto, TaskRuleKind, ValidationIssue } from '../../../contract';
import type { GroupRef } from '../../components/GroupPicker';

type AccountType = 'managed' | 'external';

/** The editor's state: numbers as typed, products as `key|resourceId` values of the pickers. */
export interface TaskForm {
  name: string;
  enabled: boolean;
  ruleKind: TaskRuleKind;
  days: string;
  state: 'warning' | 'overdue';
  scope: string[];
  seatProduct: string;
  maxSeats: string;
  includeGroups: GroupRef[];
  excludeGroups: GroupRef[];
  accountTypes: AccountType[];
  billableOnly: boolean;
  actionType: TaskActionType;
  proposeChange: 'deactivate' | 'revoke';
  revokeProducts: string[];
  weekdays: number[] | 'daily';
  hour: string;
  noticeDays: string;
  safetyCap: string;
}

const target = (value: string): { productKey: string; resourceId: string } => {
  const at = value.indexOf('|');
  return { productKey: value.slice(0, at), resourceId: value.slice(at + 1) };
};
const targetValue = (p: { productKey: string; resourceId: string }): string => `${p.productKey}|${p.resourceId}`;

/** A new task's form: inactive for 90 days anywhere, deactivate, daily six hours after the sync, no notice, cap 100. */
export const emptyForm = (syncHour: number): TaskForm => ({
  name: '', enabled: true, ruleKind: 'inactive', days: '90', state: 'overdue', scope: [], seatProduct: '', maxSeats: '',
  includeGroups: [], excludeGroups: [], accountTypes: ['managed', 'external'], billableOnly: false,
  actionType: 'deactivate', proposeChange: 'deactivate', revokeProducts: [], weekdays: 'daily', hour: String((syncHour + 6) % 24),
  noticeDays: '0', safetyCap: '100',
});

const groupsOf = (ids: readonly string[], names: Record<string, string>): GroupRef[] => ids.map((id) => ({ id, name: names[id] ?? id }));

/** The form of a saved task. */
export const formOf = (task: TaskDto): TaskForm => {
  const { rule, action } = task;
  const change = action.type === 'propose' ? action.change : action;
  return {
    ...emptyForm(0),
    name: task.name,
    enabled: task.enabled,
    ruleKind: rule.kind,
    days: rule.kind === 'inactive' ? String(rule.minInactiveDays) : rule.kind === 'never-active' ? String(rule.addedMoreThanDays) : '90',
    state: rule.kind === 'state' ? rule.state : 'overdue',
    scope: rule.kind !== 'seat-cap' && rule.products !== 'all' ? [...rule.products] : [],
    seatProduct: rule.kind === 'seat-cap' ? targetValue(rule.product) : '',
    maxSeats: rule.kind === 'seat-cap' ? String(rule.maxSeats) : '',
    includeGroups: groupsOf(task.filter.includeGroupIds, task.groupNames),
    excludeGroups: groupsOf(task.filter.excludeGroupIds, task.groupNames),
    accountTypes: [...task.filter.accountTypes],
    billableOnly: task.filter.billableOnly,
    actionType: action.type,
    proposeChange: change.type === 'revoke' ? 'revoke' : 'deactivate',
    revokeProducts: change.type === 'revoke' ? change.products.map(targetValue) : [],
    weekdays: task.schedule.days === 'daily' ? 'daily' : [...task.schedule.days],
    hour: String(task.schedule.hour),
    noticeDays: String(task.noticeDays),
    safetyCap: String(task.safetyCap),
  };
};

/** Typed numbers, or the issues of those that are not whole numbers (the core checks the ranges). */
const numbers = (fields: Record<string, string>): { values: Record<string, number>; issues: ValidationIssue[] } => {
  const values: Record<string, number> = {};
  const issues: ValidationIssue[] = [];
  for (const [path, text] of Object.entries(fields)) {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(value)) issues.push({ path, messageKey: 'tasks.editor.notAWholeNumber', message: 'not a whole number' });
    else values[path] = value;
  }
  return { values, issues };
};

const ruleOf = (form: TaskForm, n: Record<string, number>): TaskRuleDto => {
  const products = form.scope.length === 0 ? 'all' : form.scope;
  switch (form.ruleKind) {
    case 'inactive':
      return { kind: 'inactive', minInactiveDays: n['rule.minInactiveDays'] ?? 0, products };
    case 'state':
      return { kind: 'state', state: form.state, products };
    case 'never-active':
      return { kind: 'never-active', addedMoreThanDays: n['rule.addedMoreThanDays'] ?? 0, products };
    case 'seat-cap':
      return { kind: 'seat-cap', product: target(form.seatProduct), maxSeats: n['rule.maxSeats'] ?? 0 };
  }
};

/** A seat cap revokes its own product; any other rule the products chosen. */
const actionOf = (form: TaskForm): TaskActionDto => {
  const products = form.ruleKind === 'seat-cap' && form.seatProduct !== '' ? [target(form.seatProduct)] : form.revokeProducts.map(target);
  const change = (type: 'deactivate' | 'revoke') => (type === 'revoke' ? { type, products } : { type });
  if (form.actionType === 'propose') return { type: 'propose', change: change(form.proposeChange) };
  return form.actionType === 'notify' ? { type: 'notify' } : change(form.actionType);
};

/** The definition to save, or the fields that are not numbers (nothing is sent then). */
export const definitionOf = (form: TaskForm): { definition: TaskDefinitionDto } | { issues: ValidationIssue[] } => {
  const daysPath = form.ruleKind === 'inactive' ? 'rule.minInactiveDays' : form.ruleKind === 'never-active' ? 'rule.addedMoreThanDays' : null;
  const { values, issues } = numbers({
    ...(daysPath === null ? {} : { [daysPath]: form.days }),
    ...(form.ruleKind === 'seat-cap' ? { 'rule.maxSeats': form.maxSeats } : {}),
    'schedule.hour': form.hour,
    noticeDays: form.noticeDays,
    safetyCap: form.safetyCap,
  });
  if (form.ruleKind === 'seat-cap' && form.seatProduct === '') issues.push({ path: 'rule.product', messageKey: 'tasks.editor.chooseProduct', message: 'no product' });
  if (issues.length > 0) return { issues };
  return {
    definition: {
      name: form.name,
      enabled: form.enabled,
      rule: ruleOf(form, values),
      filter: { includeGroupIds: form.includeGroups.map((g) => g.id), excludeGroupIds: form.excludeGroups.map((g) => g.id), accountTypes: form.accountTypes, billableOnly: form.billableOnly },
      action: actionOf(form),
      schedule: { days: form.weekdays, hour: values['schedule.hour'] ?? 0 },
      noticeDays: values.noticeDays ?? 0,
      safetyCap: values.safetyCap ?? 0,
    },
  };
};

/** The first issue of a field (its path, or anything under it). */
export const issueAt = (issues: readonly ValidationIssue[], ...paths: string[]): ValidationIssue | undefined =>
  issues.find((i) => paths.some((p) => i.path === p || i.path.startsWith(`${p}.`)));
