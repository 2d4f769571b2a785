import React, { useState } from 'react';
import { Button, Checkbox, Heading, Inline, LoadingButton, Stack } from '@forge/react';
import type { Failure, TaskDefinitionDto, TaskDto, TaskSavedDto, ValidationIssue } from '../../../contract';
import { call } from '../../api';
import { ErrorBox, issuesOf } from '../../components/ErrorBox';
import { TextField } from '../../components/TextField';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { ActionFields } from './ActionFields';
import { FieldError } from './FieldError';
import { FilterFields } from './FilterFields';
import { RuleFields } from './RuleFields';
import { ScheduleFields } from './ScheduleFields';
import { DryRunPanel } from './runs/DryRunPanel';
import { definitionOf, emptyForm, formOf, issueAt, type TaskForm } from './taskForm';

/** The failure the editor shows above its fields: field problems are shown beside their fields instead. */
const localFailure: Failure = { code: 'VALIDATION_FAILED', messageKey: 'tasks.editor.checkFields' };

/** The paths the fields show problems of; anything else is listed above the buttons. */
const fieldPaths = ['name', 'rule.minInactiveDays', 'rule.addedMoreThanDays', 'rule.products', 'rule.product', 'rule.maxSeats', 'filter.includeGroupIds',
  'filter.excludeGroupIds', 'filter.accountTypes', 'action', 'schedule.days', 'schedule.hour', 'noticeDays', 'safetyCap'];

const checkFields = (issues: readonly ValidationIssue[]): Failure => {
  const elsewhere = issues.filter((i) => issueAt([i], ...fieldPaths) === undefined);
  return elsewhere.length === 0 ? localFailure : { ...localFailure, details: { issues: elsewhere } };
};

/**
 * T4: creates a task (`task` null) or edits one: rule, filter, action, schedule, notice period and safety cap.
 * Nothing is saved while a field is wrong; each problem is shown translated beside its field. A save over someone
 * else's newer save is refused (CONFLICT) and says so.
 */
export const TaskEditor = (props: {
  task: TaskDto | null;
  timeZone: string;
  syncHour: number;
  products: readonly ProductChoice[];
  onSaved: (saved: TaskSavedDto) => void;
  onCancel: () => void;
}): React.JSX.Element => {
  const { t } = useLocale();
  const [form, setForm] = useState<TaskForm>(() => (props.task === null ? emptyForm(props.syncHour) : formOf(props.task)));
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [error, setError] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<TaskDefinitionDto | null>(null);
  const set = (patch: Partial<TaskForm>): void => { setForm((current) => ({ ...current, ...patch })); };
  /** The form as a definition, or null after showing what is wrong with it. */
  const build = (): TaskDefinitionDto | null => {
    const built = definitionOf(form);
    if (!('issues' in built)) return built.definition;
    setIssues(built.issues);
    setError(localFailure);
    return null;
  };
  const dryRun = (): void => {
    const definition = build();
    if (definition !== null) {
      setError(null);
      setIssues([]);
    }
    setPreview(definition);
  };
  const save = (): void => {
    const definition = build();
    if (definition === null) return;
    setSaving(true);
    setError(null);
    setIssues([]);
    const { task } = props;
    void call('tasks.save', { id: task?.id ?? null, expectedUpdatedAt: task?.updatedAt ?? null, task: definition }).then((answer) => {
      setSaving(false);
      if (answer.ok) {
        props.onSaved(answer.data);
        return;
      }
      const found = issuesOf(answer.error);
      setIssues(found);
      setError(found.length > 0 ? checkFields(found) : answer.error);
    });
  };
  const fields = { form, set, issues };
  return (
    <Stack space="space.200">
      <Heading size="small">{props.task === null ? t('tasks.editor.newTitle') : t('tasks.editor.editTitle', { name: props.task.name })}</Heading>
      <TextField id="task-name" label={t('tasks.editor.name')} value={form.name} onChange={(name) => { set({ name }); }} />
      <FieldError issues={issues} paths={['name']} />
      <Checkbox id="task-enabled" label={t('tasks.editor.enabled')} isChecked={form.enabled} onChange={(event) => { set({ enabled: event.target.checked === true }); }} />
      <Heading size="xsmall">{t('tasks.editor.whoHeading')}</Heading>
      <RuleFields {...fields} products={props.products} />
      <FilterFields {...fields} />
      <Heading size="xsmall">{t('tasks.editor.whatHeading')}</Heading>
      <ActionFields {...fields} products={props.products} />
      <Heading size="xsmall">{t('tasks.editor.whenHeading')}</Heading>
      <ScheduleFields {...fields} timeZone={props.timeZone} syncHour={props.syncHour} />
      {error !== null && <ErrorBox error={error} />}
      <Inline space="space.100">
        <LoadingButton appearance="primary" isLoading={saving} onClick={save}>
          {props.task === null ? t('tasks.editor.create') : t('tasks.editor.save')}
        </LoadingButton>
        <Button onClick={dryRun}>{t('taskRuns.dryRun.ofEditor')}</Button>
        <Button appearance="subtle" onClick={props.onCancel}>{t('tasks.editor.cancel')}</Button>
      </Inline>
      {preview !== null && <DryRunPanel source={{ taskId: props.task?.id ?? null, definition: preview }} />}
    </Stack>
  );
};
