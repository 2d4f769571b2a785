import React from 'react';
import { Checkbox, Stack, Text } from '@forge/react';
import { taskAccountTypes } from '../../../contract';
import { GroupPicker } from '../../components/GroupPicker';
import { useLocale } from '../../i18n/LocaleContext';
import { FieldError, type FieldsProps } from './FieldError';
import type { TaskForm } from './taskForm';

/** T1: how the rule is narrowed — groups to include or exclude, account types, billable users only. */
export const FilterFields = ({ form, set, issues }: FieldsProps<TaskForm>): React.JSX.Element => {
  const { t } = useLocale();
  const toggle = (type: (typeof taskAccountTypes)[number], on: boolean): void => {
    set({ accountTypes: taskAccountTypes.filter((a) => (a === type ? on : form.accountTypes.includes(a))) });
  };
  return (
    <Stack space="space.100">
      <GroupPicker id="task-include-groups" label={t('tasks.filter.include')} isMulti value={form.includeGroups} onChange={(includeGroups) => { set({ includeGroups }); }} />
      <FieldError issues={issues} paths={['filter.includeGroupIds']} />
      <GroupPicker id="task-exclude-groups" label={t('tasks.filter.exclude')} isMulti value={form.excludeGroups} onChange={(excludeGroups) => { set({ excludeGroups }); }} />
      <FieldError issues={issues} paths={['filter.excludeGroupIds']} />
      <Text>{t('tasks.filter.accountTypes')}</Text>
      {taskAccountTypes.map((type) => (
        <Checkbox
          key={type}
          id={`task-account-${type}`}
          label={t(`tasks.filter.types.${type}`)}
          isChecked={form.accountTypes.includes(type)}
          onChange={(event) => { toggle(type, event.target.checked === true); }}
        />
      ))}
      <FieldError issues={issues} paths={['filter.accountTypes']} />
      <Checkbox
        id="task-billable-only"
        label={t('tasks.filter.billableOnly')}
        isChecked={form.billableOnly}
        onChange={(event) => { set({ billableOnly: event.target.checked === true }); }}
      />
    </Stack>
  );
};
