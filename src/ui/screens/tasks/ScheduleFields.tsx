import React from 'react';
import { Checkbox, Inline, Stack, Text } from '@forge/react';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/LocaleContext';
import { FieldError, type FieldsProps } from './FieldError';
import { weekdayNames } from './ruleText';
import type { TaskForm } from './taskForm';

const hours = Array.from({ length: 24 }, (_, h) => h);

/** When the task runs (every day or chosen weekdays, at an hour of the site's zone, never the sync's), its notice and cap. */
export const ScheduleFields = (props: FieldsProps<TaskForm> & { timeZone: string; syncHour: number }): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const { form, set, issues } = props;
  const days = form.weekdays === 'daily' ? [] : form.weekdays;
  const toggleDay = (day: number, on: boolean): void => {
    set({ weekdays: [0, 1, 2, 3, 4, 5, 6].filter((d) => (d === day ? on : days.includes(d))) });
  };
  return (
    <Stack space="space.100">
      <Checkbox id="task-daily" label={t('tasks.schedule.everyDay')} isChecked={form.weekdays === 'daily'} onChange={(event) => { set({ weekdays: event.target.checked === true ? 'daily' : [1] }); }} />
      {form.weekdays !== 'daily' && (
        <Inline space="space.100">
          {weekdayNames(locale).map((name, day) => (
            <Checkbox key={name} id={`task-weekday-${String(day)}`} label={name} isChecked={days.includes(day)} onChange={(event) => { toggleDay(day, event.target.checked === true); }} />
          ))}
        </Inline>
      )}
      <FieldError issues={issues} paths={['schedule.days']} />
      <SelectField
        id="task-hour"
        label={t('tasks.schedule.hour', { zone: props.timeZone })}
        options={hours.map((h) => ({ value: String(h), label: h === props.syncHour ? t('tasks.schedule.syncHour', { slot: fmt.hourSlot(h) }) : fmt.hourSlot(h) }))}
        value={form.hour}
        onChange={(hour) => { set({ hour }); }}
      />
      <FieldError issues={issues} paths={['schedule.hour']} />
      <TextField id="task-notice-days" type="number" label={t('tasks.notice.label')} value={form.noticeDays} onChange={(noticeDays) => { set({ noticeDays }); }} />
      <Text>{t('tasks.notice.help')}</Text>
      <FieldError issues={issues} paths={['noticeDays']} />
      <TextField id="task-safety-cap" type="number" label={t('tasks.safetyCap.label')} value={form.safetyCap} onChange={(safetyCap) => { set({ safetyCap }); }} />
      <Text>{t('tasks.safetyCap.help')}</Text>
      <FieldError issues={issues} paths={['safetyCap']} />
    </Stack>
  );
};
