import { errorCodes, type TaskActionDto, type TaskChangeDto, type TaskFilterDto, type TaskListItemDto, type TaskRuleDto, type TaskScheduleDto } from '../../../contract';
import { productNames, type NamedProduct } from '../../components/productNames';
import type { Locale } from '../../i18n/LocaleContext';

type Words = Pick<Locale, 't' | 'fmt'>;

/** Reasons of a failed or skipped run the core names besides error codes. */
export const taskRunReasons: readonly string[] = ['safety-cap-exceeded', 'sync-overlap', 'task-disabled'];

const list = (items: readonly string[], { fmt }: Words): string => new Intl.ListFormat(fmt.localeTag, { type: 'conjunction' }).format(items);

/** The products a rule looks at, by name: "any product", or "Jira and Confluence". */
const scopeText = (scope: 'all' | readonly string[], products: readonly NamedProduct[], words: Words): string => {
  if (scope === 'all') return words.t('tasks.rule.anyProduct');
  const names = productNames(products, words);
  return list(scope.map((key) => { const p = products.find((q) => q.productKey === key); return p === undefined ? key : names.name(p); }), words);
};

const targetText = (target: { productKey: string; resourceId: string }, products: readonly NamedProduct[], words: Words): string =>
  productNames(products, words).labelOf(target.productKey, target.resourceId, target.productKey);

/** T1 / T8: who the task is about, in one sentence. */
export const ruleText = (rule: TaskRuleDto, products: readonly NamedProduct[], words: Words): string => {
  const { t } = words;
  switch (rule.kind) {
    case 'inactive':
      return t('tasks.rule.text.inactive', { count: rule.minInactiveDays, products: scopeText(rule.products, products, words) });
    case 'state':
      return t(`tasks.rule.text.state-${rule.state}`, { products: scopeText(rule.products, products, words) });
    case 'never-active':
      return t('tasks.rule.text.never-active', { count: rule.addedMoreThanDays, products: scopeText(rule.products, products, words) });
    case 'seat-cap':
      return t('tasks.rule.text.seat-cap', { count: rule.maxSeats, product: targetText(rule.product, products, words) });
  }
};

/** How the filter narrows the rule ("only members of Contractors; managed accounts only"); null when it does not. */
export const filterText = (filter: TaskFilterDto, groupNames: Record<string, string>, words: Words): string | null => {
  const { t } = words;
  const named = (ids: readonly string[]): string => list(ids.map((id) => groupNames[id] ?? t('tasks.filter.unknownGroup')), words);
  const parts = [
    ...(filter.includeGroupIds.length > 0 ? [t('tasks.filter.text.include', { groups: named(filter.includeGroupIds) })] : []),
    ...(filter.excludeGroupIds.length > 0 ? [t('tasks.filter.text.exclude', { groups: named(filter.excludeGroupIds) })] : []),
    ...(filter.accountTypes.length === 1 ? [t(`tasks.filter.text.only-${filter.accountTypes[0] ?? 'managed'}`)] : []),
    ...(filter.billableOnly ? [t('tasks.filter.text.billable')] : []),
  ];
  return parts.length === 0 ? null : parts.join('; ');
};

const changeText = (change: TaskChangeDto, products: readonly NamedProduct[], words: Words): string =>
  change.type === 'deactivate'
    ? words.t('tasks.action.text.deactivate')
    : words.t('tasks.action.text.revoke', { products: list(change.products.map((p) => targetText(p, products, words)), words) });

/** What the task does to the users its rule picks. */
export const actionText = (action: TaskActionDto, products: readonly NamedProduct[], words: Words): string => {
  if (action.type === 'notify') return words.t('tasks.action.text.notify');
  if (action.type === 'propose') return words.t('tasks.action.text.propose', { change: changeText(action.change, products, words) });
  return changeText(action, products, words);
};

/** Short weekday names in the page's language, Sunday first (2023-01-01 was a Sunday). */
export const weekdayNames = ({ fmt }: Words): string[] =>
  Array.from({ length: 7 }, (_, day) => new Intl.DateTimeFormat(fmt.localeTag, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day))));

/** "Every day, 05:00 – 06:00" or "Mon and Thu, 05:00 – 06:00", in the site's time zone. */
export const scheduleText = (schedule: TaskScheduleDto, timeZone: string, words: Words): string => {
  const names = weekdayNames(words);
  const days = schedule.days === 'daily' ? words.t('tasks.schedule.daily') : list([...schedule.days].sort().map((d) => names[d] ?? String(d)), words);
  return words.t('tasks.schedule.text', { days, slot: words.fmt.hourSlot(schedule.hour), zone: timeZone });
};

/** The list's last outcome: the run's status, with its reason when it failed or was skipped. */
export const lastOutcomeText = (run: TaskListItemDto['lastRun'], words: Words): string => {
  if (run === null) return words.t('tasks.neverRun');
  const status = words.t(`tasks.runStatus.${run.status}`, { at: words.fmt.dateTime(run.finishedAt ?? run.startedAt) });
  if (run.reason === null) return status;
  const reason = run.reason;
  const key = taskRunReasons.includes(reason) ? `tasks.runReason.${reason}` : errorCodes.some((c) => c === reason) ? `errors.${reason}` : 'tasks.runReason.other';
  return `${status} — ${words.t(key)}`;
};
