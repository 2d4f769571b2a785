import React from 'react';
import { Button, Heading, Inline, ProgressBar, SectionMessage, Stack, Text } from '@forge/react';
import type { BulkJobDto } from '../../../contract';
import { call } from '../../api';
import { useLocale } from '../../i18n/LocaleContext';
import { BulkResults } from './BulkResults';
import { isRunning } from './useBulkFlow';

/** B3: a bulk job's progress while it runs, then its outcome — partial failure is stated, never hidden. */
export const BulkJobSummary = (props: { job: BulkJobDto; actionName: string }): React.JSX.Element => {
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
    <SectionMessage appearance={appearance} title={t(`bulk.job.finished.${job.failed > 0 && job.status === 'succeeded' ? 'partially-failed' : job.status}`, { action: props.actionName })}>
      <Text>{t('bulk.job.summary', counts)}</Text>
    </SectionMessage>
  );
};

/** Results shown at once above the user list: a short page, so the list stays near; all of them are in Jobs. */
const PANEL_RESULTS_PAGE = 25;

/** The job above a user list, where it was started: its progress, then its outcome with the per-user results. */
export const BulkJobPanel = (props: { job: BulkJobDto; actionName: string; onDismiss: () => void }): React.JSX.Element => {
  const { t } = useLocale();
  const { job } = props;
  if (isRunning(job)) return <BulkJobSummary job={job} actionName={props.actionName} />;
  return (
    <Stack space="space.150">
      <BulkJobSummary job={job} actionName={props.actionName} />
      <BulkResults
        fetchPage={(after) => call('jobs.results', { jobId: job.jobId, limit: PANEL_RESULTS_PAGE, after })}
        inputs={job.jobId}
        pageSize={PANEL_RESULTS_PAGE}
      />
      <Inline>
        <Button onClick={props.onDismiss}>{t('common.close')}</Button>
      </Inline>
    </Stack>
  );
};
