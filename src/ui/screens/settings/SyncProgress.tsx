import React from 'react';
import { Inline, Lozenge, ProgressBar, Stack, Text } from '@forge/react';
import type { SyncRunDto } from '../../../contract';
import { useLocale, type Locale } from '../../i18n/LocaleContext';
import { isSyncRunning } from './useSyncRun';

type Step = SyncRunDto['steps'][number];

/** "120 of about 400" against the step's estimate, "120 so far" without one. */
const stepCount = ({ t, fmt }: Pick<Locale, 't' | 'fmt'>, step: Step): string =>
  step.total === null
    ? t('settings.manualSync.stepSoFar', { processed: fmt.number(step.processed) })
    : t('settings.manualSync.stepOf', { processed: fmt.number(step.processed), total: fmt.number(step.total) });

/**
 * The step really running, with its own count and bar, and the lane beside it when one runs (docs/decisions.md,
 * "Sync progress": both are shown, the main step first).
 */
const RunningSteps = (props: { run: SyncRunDto }): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  const { run } = props;
  const [main, beside] = run.steps;
  return (
    <>
      <Text>{t('settings.manualSync.phase', { phase: t(`sync.phases.${run.phase}`) })}</Text>
      <ProgressBar
        value={run.percent === null ? 0 : Math.min(run.percent, 100) / 100}
        isIndeterminate={run.percent === null}
        ariaLabel={t('settings.manualSync.progressLabel')}
      />
      {main !== undefined && <Text>{stepCount(locale, main)}</Text>}
      {beside !== undefined && (
        <Text>{t('settings.manualSync.alongside', { phase: t(`sync.phases.${beside.phase}`), progress: stepCount(locale, beside) })}</Text>
      )}
    </>
  );
};

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
      {active ? (
        <RunningSteps run={run} />
      ) : (
        <Text>
          {run.estimatedTotal === null
            ? t('settings.manualSync.processed', { processed: fmt.number(run.processed) })
            : t('settings.manualSync.processedOf', { processed: fmt.number(run.processed), total: fmt.number(run.estimatedTotal) })}
        </Text>
      )}
      {run.failureReason !== null && <Text>{t(`errors.${run.failureReason}`)}</Text>}
    </Stack>
  );
};
