import React from 'react';
import { Button, Inline, SectionMessage, Stack, Text } from '@forge/react';
import type { TaskSavedDto } from '../../../contract';
import { useLocale } from '../../i18n/LocaleContext';

/** A task saved: said so, with what is allowed but worth a second look (a run right after a large org's sync). */
export const SavedNotice = (props: { saved: TaskSavedDto }): React.JSX.Element => {
  const { t } = useLocale();
  const { task, warnings } = props.saved;
  return (
    <SectionMessage appearance={warnings.length > 0 ? 'warning' : 'success'} title={t('tasks.saved', { name: task.name })}>
      <Stack space="space.050">
        {warnings.map((w) => (
          <Text key={w.code}>{t(`tasks.warnings.${w.code}`, { count: w.hoursAfterSync })}</Text>
        ))}
      </Stack>
    </SectionMessage>
  );
};

/** Asks before deleting: the task stops, its history stays, its announcements and open proposals go. */
export const DeleteConfirm = (props: { name: string; onConfirm: () => void; onCancel: () => void }): React.JSX.Element => {
  const { t } = useLocale();
  return (
    <SectionMessage appearance="warning" title={t('tasks.confirmDelete.title', { name: props.name })}>
      <Stack space="space.100">
        <Text>{t('tasks.confirmDelete.body')}</Text>
        <Inline space="space.100">
          <Button appearance="danger" onClick={props.onConfirm}>{t('tasks.confirmDelete.confirm')}</Button>
          <Button appearance="subtle" onClick={props.onCancel}>{t('tasks.confirmDelete.cancel')}</Button>
        </Inline>
      </Stack>
    </SectionMessage>
  );
};
