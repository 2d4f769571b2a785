import React, { useState } from 'react';
import { Button, Heading, Inline, Stack, Text } from '@forge/react';
import type { JobListItemDto } from '../../../contract';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Note } from '../../components/LoadView';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { actionLabel } from '../bulk/actionLabel';
import { BulkJobSummary } from '../bulk/BulkJobPanel';
import { BulkPlanModal } from '../bulk/BulkPlanModal';
import { BulkResults, RESULTS_PAGE } from '../bulk/BulkResults';
import { OutcomeFilter, type OutcomeChoice } from '../bulk/OutcomeFilter';
import { isRunning, useBulkFlow } from '../bulk/useBulkFlow';
import { SyncProgress } from '../settings/SyncProgress';
import { jobTitle, startedAtOf, startedBy } from './jobText';
import { RevertSection } from './RevertSection';

type BulkItem = Extract<JobListItemDto, { kind: 'bulk-action' }>;

/**
 * A bulk job (or a task run's part, or a revert): its outcome, its per-user results filtered by outcome, Retry
 * failed users (planned, then confirmed), and Revert (B5).
 */
const BulkJobDetail = (props: { job: BulkItem; products: ProductChoice[]; onOpen: (jobId: string) => void }): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const { job, onOpen } = props;
  const [outcome, setOutcome] = useState<OutcomeChoice>('all');
  const flow = useBulkFlow(
    () => undefined,
    (started) => {
      onOpen(started.jobId);
    },
  );
  const { stage } = flow;
  const name = actionLabel(job.action, props.products, locale);
  return (
    <Stack space="space.150">
      <BulkJobSummary job={job} actionName={name} />
      {!isRunning(job) && job.failed > 0 && (job.startedByTask ?? null) === null && (job.revertsJobId ?? null) === null && (
        <Stack space="space.050">
          <Inline>
            <Button
              appearance="primary"
              isDisabled={stage.kind === 'planning'}
              onClick={() => {
                flow.review(job.action, { kind: 'failed-in-job', jobId: job.jobId });
              }}
            >
              {t('jobs.retry')}
            </Button>
          </Inline>
          <Note>{t('jobs.retryNote', { count: job.failed, formatted: fmt.number(job.failed) })}</Note>
        </Stack>
      )}
      <RevertSection
        jobId={job.jobId}
        revert={job.revert}
        jobName={name}
        onStarted={(started) => {
          onOpen(started.jobId);
        }}
      />
      {stage.kind !== 'plan' && flow.error !== null && <ErrorBox error={flow.error} />}
      {stage.kind === 'plan' && (
        <BulkPlanModal plan={stage.plan} selection={stage.selection} actionName={name} starting={stage.starting} error={flow.error} onConfirm={flow.confirm} onCancel={flow.cancel} />
      )}
      <OutcomeFilter id="jobs-outcome" value={outcome} onChange={setOutcome} />
      <BulkResults
        fetchPage={(after) => call('jobs.results', { jobId: job.jobId, limit: RESULTS_PAGE, after, ...(outcome === 'all' ? {} : { outcome }) })}
        inputs={[job.jobId, outcome]}
        refreshOn={job.processed}
      />
    </Stack>
  );
};

/** One job of the Jobs view: what it is, who started it and when, then its progress and results. */
export const JobDetail = (props: {
  item: JobListItemDto;
  products: ProductChoice[];
  onBack: () => void;
  onOpen: (jobId: string) => void;
}): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const { item } = props;
  return (
    <Stack space="space.200">
      <Inline>
        <Button appearance="subtle" onClick={props.onBack}>
          {t('jobs.back')}
        </Button>
      </Inline>
      <Heading size="small">{jobTitle(item, props.products, locale)}</Heading>
      <Text>{t('jobs.started', { who: startedBy(item, locale), at: fmt.dateTime(startedAtOf(item)) })}</Text>
      {item.kind === 'sync' ? (
        <Stack space="space.100">
          <SyncProgress run={item} />
          <Note>{t('jobs.syncNoResults')}</Note>
        </Stack>
      ) : (
        <BulkJobDetail key={item.jobId} job={item} products={props.products} onOpen={props.onOpen} />
      )}
    </Stack>
  );
};
