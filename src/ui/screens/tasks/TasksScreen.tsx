import React, { useState } from 'react';
import { Button, EmptyState, Heading, Inline, Stack, Text } from '@forge/react';
import type { Failure, TaskListItemDto, TaskSavedDto, TasksListDto } from '../../../contract';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { LoadView } from '../../components/LoadView';
import { useLoad } from '../../hooks/useLoad';
import { useProducts, type ProductChoice } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { DeleteConfirm, SavedNotice } from './TaskNotices';
import { TaskEditor } from './TaskEditor';
import { TaskList } from './TaskList';
import { ProposalsPanel } from './runs/ProposalsPanel';
import { TaskRunsPanel } from './runs/TaskRunsPanel';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'task'; id: string };

/** One task opened: its editor, and below it the task's run panels. */
const TaskView = (props: { id: string; list: TasksListDto; products: readonly ProductChoice[]; onSaved: (saved: TaskSavedDto) => void; onBack: () => void }): React.JSX.Element => {
  const { t } = useLocale();
  const [load, reload, refresh] = useLoad(() => call('tasks.get', { id: props.id }), [props.id]);
  // The saved task is read again, so that the editor holds its new `updatedAt` for the next save.
  const onSaved = (saved: TaskSavedDto): void => {
    refresh();
    props.onSaved(saved);
  };
  return (
    <Stack space="space.200">
      <Inline>
        <Button appearance="subtle" onClick={props.onBack}>{t('tasks.back')}</Button>
      </Inline>
      <LoadView load={load} onRetry={reload}>
        {(task) => (
          <Stack space="space.300">
            <TaskEditor key={task.updatedAt} task={task} timeZone={props.list.timeZone} syncHour={props.list.syncHour} products={props.products} onSaved={onSaved} onCancel={props.onBack} />
            <TaskRunsPanel taskId={task.id} taskName={task.name} />
          </Stack>
        )}
      </LoadView>
    </Stack>
  );
};

/**
 * The Automated tasks tab (T1–T8): the tasks with their rule in words, action, schedule, next run and last outcome;
 * create, open (edit), duplicate, enable / disable and delete (after confirming) them.
 */
export const TasksScreen = (): React.JSX.Element => {
  const { t } = useLocale();
  const products = useProducts();
  const [load, reload, refresh] = useLoad(() => call('tasks.list', {}), []);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [saved, setSaved] = useState<TaskSavedDto | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [deleting, setDeleting] = useState<TaskListItemDto | null>(null);
  const act = (answer: Promise<{ ok: true; data: TaskSavedDto | { deleted: true } } | { ok: false; error: Failure }>): void => {
    setError(null);
    setSaved(null);
    void answer.then((done) => {
      if (!done.ok) setError(done.error);
      else if ('task' in done.data) setSaved(done.data);
      refresh();
    });
  };
  const onSaved = (result: TaskSavedDto): void => {
    setSaved(result);
    setView({ kind: 'task', id: result.task.id });
    refresh();
  };
  const back = (): void => { setView({ kind: 'list' }); setSaved(null); };
  return (
    <Stack space="space.200">
      <Heading size="medium">{t('tasks.heading')}</Heading>
      {saved !== null && <SavedNotice saved={saved} />}
      {error !== null && <ErrorBox error={error} />}
      <LoadView load={load} onRetry={reload}>
        {(data) => {
          if (view.kind === 'new') return <TaskEditor task={null} timeZone={data.timeZone} syncHour={data.syncHour} products={products} onSaved={onSaved} onCancel={back} />;
          if (view.kind === 'task') return <TaskView id={view.id} list={data} products={products} onSaved={onSaved} onBack={back} />;
          return (
            <Stack space="space.150">
              <Text>{t('tasks.intro', { zone: data.timeZone })}</Text>
              <Inline>
                <Button appearance="primary" onClick={() => { setSaved(null); setView({ kind: 'new' }); }}>{t('tasks.create')}</Button>
              </Inline>
              {deleting !== null && (
                <DeleteConfirm
                  name={deleting.name}
                  onConfirm={() => { act(call('tasks.delete', { id: deleting.id })); setDeleting(null); }}
                  onCancel={() => { setDeleting(null); }}
                />
              )}
              {data.items.length === 0 ? (
                <EmptyState header={t('tasks.empty.header')} description={t('tasks.empty.body')} />
              ) : (
                <TaskList
                  data={data}
                  products={products}
                  onOpen={(task) => { setSaved(null); setView({ kind: 'task', id: task.id }); }}
                  onDuplicate={(task) => { act(call('tasks.duplicate', { id: task.id, name: t('tasks.copyName', { name: task.name }) })); }}
                  onSetEnabled={(task, enabled) => { act(call('tasks.setEnabled', { id: task.id, enabled })); }}
                  onDelete={setDeleting}
                />
              )}
              <ProposalsPanel />
            </Stack>
          );
        }}
      </LoadView>
    </Stack>
  );
};

