import React from 'react';
import { Button, DynamicTable, Inline, Lozenge, Stack, Text } from '@forge/react';
import type { TaskListItemDto, TasksListDto } from '../../../contract';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale, type Locale } from '../../i18n/LocaleContext';
import { actionText, filterText, lastOutcomeText, ruleText, scheduleText } from './ruleText';

const columns = ['name', 'rule', 'action', 'schedule', 'nextRun', 'lastOutcome', 'state', 'actions'] as const;

/** What the admin can do from a task's line. */
export interface TaskListActions {
  onOpen: (task: TaskListItemDto) => void;
  onDuplicate: (task: TaskListItemDto) => void;
  onSetEnabled: (task: TaskListItemDto, enabled: boolean) => void;
  onDelete: (task: TaskListItemDto) => void;
}

const ruleCell = (task: TaskListItemDto, products: readonly ProductChoice[], locale: Locale): React.JSX.Element => {
  const narrowed = filterText(task.filter, task.groupNames, locale);
  return (
    <Stack space="space.050">
      <Text>{ruleText(task.rule, products, locale)}</Text>
      {narrowed !== null && <Text color="color.text.subtlest">{narrowed}</Text>}
    </Stack>
  );
};

const row = (task: TaskListItemDto, data: TasksListDto, products: readonly ProductChoice[], locale: Locale, actions: TaskListActions) => {
  const { t, fmt } = locale;
  const cells: Record<(typeof columns)[number], React.ReactNode> = {
    name: task.name,
    rule: ruleCell(task, products, locale),
    action: actionText(task.action, products, locale),
    schedule: scheduleText(task.schedule, data.timeZone, locale),
    nextRun: task.nextRunAt === null ? t('tasks.noNextRun') : t('tasks.nextRun', { at: fmt.dateTimeIn(task.nextRunAt, data.timeZone), zone: data.timeZone }),
    lastOutcome: lastOutcomeText(task.lastRun, locale),
    state: task.enabled ? <Lozenge appearance="success">{t('tasks.state.enabled')}</Lozenge> : <Lozenge>{t('tasks.state.disabled')}</Lozenge>,
    actions: (
      <Inline space="space.050">
        <Button appearance="subtle" onClick={() => { actions.onOpen(task); }}>{t('tasks.open', { name: task.name })}</Button>
        <Button appearance="subtle" onClick={() => { actions.onDuplicate(task); }}>{t('tasks.duplicate', { name: task.name })}</Button>
        <Button appearance="subtle" onClick={() => { actions.onSetEnabled(task, !task.enabled); }}>
          {t(task.enabled ? 'tasks.disable' : 'tasks.enable', { name: task.name })}
        </Button>
        <Button appearance="subtle" onClick={() => { actions.onDelete(task); }}>{t('tasks.delete', { name: task.name })}</Button>
      </Inline>
    ),
  };
  return { key: task.id, cells: columns.map((key) => ({ key, content: cells[key] })) };
};

/** T4: every task — name, rule in words, action, schedule and next run in the site's zone, last outcome, state. */
export const TaskList = (props: { data: TasksListDto; products: readonly ProductChoice[] } & TaskListActions): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  return (
    <DynamicTable
      caption={t('tasks.caption')}
      head={{ cells: columns.map((key) => ({ key, content: key === 'actions' ? '' : t(`tasks.columns.${key}`) })) }}
      rows={props.data.items.map((task) => row(task, props.data, props.products, locale, props))}
    />
  );
};
