import React from 'react';
import { Inline, Lozenge, ProgressBar, Stack, Text } from '@forge/react';
import type { SyncRunDto } from '../../../contract';
import { useLocale } from '../../i18n/LocaleContext';
import { isSyncRunning } from './useSyncRun';

/** S5 / Y2: the latest sync's phase and progress while it runs, its outcome afterwards. */
export const SyncProgress = (props: { run: SyncRunDto }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { run } = props;
  const active = isSyncRunning(run);
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance={active ? 'inprogress' : run.status === 'succeeded' ? 'success' : 'removed'}>{t(`jobStatus.${run.status}`)}</Lozenge>
        <Text>{t('settings.manualSync.startedAt', { at: fmt.dateTime(run.startedAt) })}</Text>
      </Inline>
      {active && (
        <>
          <Text>{t('settings.manualSync.phase', { phase: t(`sync.phases.${run.phase}`) })}</Text>
          <ProgressBar
            value={run.percent === null ? 0 : Math.min(run.percent, 100) / 100}
            isIndeterminate={run.percent === null}
            ariaLabel={t('settings.manualSync.progressLabel')}
          />
        </>
      )}
      <Text>
        {run.estimatedTotal === null
          ? t('settings.manualSync.processed', { processed: fmt.number(run.processed) })
          : t('settings.manualSync.processedOf', { processed: fmt.number(run.processed), total: fmt.number(run.estimatedTotal) })}
      </Text>
      {run.failureReason !== null && <Text>{t(`errors.${run.failureReason}`)}</Text>}
    </Stack>
  );
};
