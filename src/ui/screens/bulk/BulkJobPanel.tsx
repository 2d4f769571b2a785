import React from 'react';
import { Button, DynamicTable, Heading, Lozenge, ProgressBar, SectionMessage, Stack, Text } from '@forge/react';
import type { BulkJobDto } from '../../../contract';
import { call } from '../../api';
import { KeysetPager } from '../../components/KeysetPager';
import { LoadView } from '../../components/LoadView';
import { usePagedList } from '../../hooks/usePagedList';
import { useLocale } from '../../i18n/LocaleContext';
import { isRunning } from './useBulkFlow';

const RESULTS_PAGE = 100;
const outcomeAppearance = { succeeded: 'success', failed: 'removed', skipped: 'default' } as const;

/** The finished job's per-user results (bulk.results), paged. */
const BulkResults = (props: { jobId: string }): React.JSX.Element => {
  const { t } = useLocale();
  const paged = usePagedList((after) => call('bulk.results', { jobId: props.jobId, limit: RESULTS_PAGE, after }), props.jobId);
  return (
    <LoadView load={paged.load} onRetry={paged.reload}>
      {(page) => (
        <Stack space="space.100">
          <DynamicTable
            caption={t('bulk.results.caption')}
            head={{ cells: ['user', 'outcome', 'reason'].map((key) => ({ key, content: t(`bulk.results.columns.${key}`) })) }}
            rows={page.items.map((row) => ({
              key: row.accountId,
              cells: [
                { key: 'user', content: row.name ?? row.email ?? row.accountId },
                { key: 'outcome', content: <Lozenge appearance={outcomeAppearance[row.outcome]}>{t(`audit.outcomes.${row.outcome}`)}</Lozenge> },
                { key: 'reason', content: row.outcome === 'succeeded' ? '' : t(row.messageKey) },
              ],
            }))}
          />
          <KeysetPager page={paged.page} pageSize={RESULTS_PAGE} rowsOnPage={page.items.length} hasNext={paged.hasNext} onPrevious={paged.previous} onNext={paged.next} />
        </Stack>
      )}
    </LoadView>
  );
};

/** B3: a bulk job's progress while it runs, then its outcome — partial failure is stated, never hidden. */
export const BulkJobPanel = (props: { job: BulkJobDto; actionName: string; onDismiss: () => void }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { job } = props;
  const counts = {
    processed: fmt.number(job.processed),
    total: fmt.number(job.total),
    succeeded: fmt.number(job.succeeded),
    failed: fmt.number(job.failed),
    skipped: fmt.number(job.skipped),
  };
  if (isRunning(job)) {
    return (
      <Stack space="space.100">
        <Heading size="xsmall">{t('bulk.job.running', { action: props.actionName })}</Heading>
        <ProgressBar value={Math.min(Math.max(job.percent, 0), 100) / 100} ariaLabel={t('bulk.job.progressLabel')} />
        <Text>{t('bulk.job.progress', counts)}</Text>
      </Stack>
    );
  }
  const appearance = job.status === 'succeeded' && job.failed === 0 ? 'success' : job.status === 'cancelled' ? 'warning' : 'error';
  return (
    <Stack space="space.150">
      <SectionMessage appearance={appearance} title={t(`bulk.job.finished.${job.failed > 0 && job.status === 'succeeded' ? 'partially-failed' : job.status}`, { action: props.actionName })}>
        <Text>{t('bulk.job.summary', counts)}</Text>
      </SectionMessage>
      <BulkResults jobId={job.jobId} />
      <Button onClick={props.onDismiss}>{t('common.close')}</Button>
    </Stack>
  );
};
