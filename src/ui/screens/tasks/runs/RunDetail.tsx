import React, { useState } from 'react';
import { Button, Heading, Inline, Lozenge, Stack, Text } from '@forge/react';
import type { BulkActionDto, RevertStateDto } from '../../../../contract';
import { call } from '../../../api';
import { LoadView, Note } from '../../../components/LoadView';
import { SelectField } from '../../../components/SelectField';
import { useLoad } from '../../../hooks/useLoad';
import { usePolling } from '../../../hooks/usePolling';
import { useProducts } from '../../../hooks/useProducts';
import { useLocale } from '../../../i18n/LocaleContext';
import { actionLabel } from '../../bulk/actionLabel';
import { BulkResults, RESULTS_PAGE } from '../../bulk/BulkResults';
import { OutcomeFilter, type OutcomeChoice } from '../../bulk/OutcomeFilter';
import { RevertSection } from '../../jobs/RevertSection';
import { runCountsText, runStatusAppearance } from './runText';

/** B5: Revert for the shown part's job (a run that revokes several products has one job per product). */
const PartRevert = (props: { job: { jobId: string; revert: RevertStateDto } | undefined; action: BulkActionDto | undefined; onStarted: () => void }): React.JSX.Element | null => {
  const locale = useLocale();
  const products = useProducts();
  const { job, action } = props;
  if (job === undefined || action === undefined) return null;
  return <RevertSection key={job.jobId} jobId={job.jobId} revert={job.revert} jobName={actionLabel(action, products, locale)} onStarted={props.onStarted} />;
};

/** T3 run detail: how and when the run started, its outcome, counts and reason, and its per-user results by product (a revoke of several) and outcome. */
export const RunDetail = (props: { runId: string; onBack: () => void }): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const [outcome, setOutcome] = useState<OutcomeChoice>('all');
  const [part, setPart] = useState('0');
  const products = useProducts();
  const [load, reload, refresh] = useLoad(() => call('tasks.runDetail', { runId: props.runId, limit: 1, after: null }), [props.runId]);
  usePolling(load.status === 'ready' && load.data.run.status === 'running', () => {
    refresh();
    return Promise.resolve();
  });
  const filter = { part: Number(part), ...(outcome === 'all' ? {} : { outcome }) };
  return (
    <Stack space="space.200">
      <Inline>
        <Button appearance="subtle" onClick={props.onBack}>
          {t('taskRuns.detail.back')}
        </Button>
      </Inline>
      <LoadView load={load} onRetry={reload}>
        {({ run, taskName, parts, partJobs }) => (
          <Stack space="space.150">
            <Heading size="small">{t('taskRuns.detail.title', { name: taskName ?? t('taskRuns.deletedTask'), at: fmt.dateTime(run.startedAt) })}</Heading>
            <Inline space="space.100" alignBlock="center">
              <Lozenge appearance={runStatusAppearance[run.status]}>{t(`taskRuns.statuses.${run.status}`)}</Lozenge>
              <Text>{t(`taskRuns.triggers.${run.trigger}`)}</Text>
            </Inline>
            <Text>{runCountsText(run, locale)}</Text>
            {run.reasonKey !== null && <Text>{t(run.reasonKey)}</Text>}
            {run.finishedAt !== null && <Note>{t('taskRuns.detail.finishedAt', { at: fmt.dateTime(run.finishedAt) })}</Note>}
            {run.hasResults ? (
              <Stack space="space.100">
                {parts.length > 1 && (
                  <SelectField
                    id="task-run-part"
                    label={t('taskRuns.detail.part')}
                    options={parts.map((action, index) => ({ value: String(index), label: actionLabel(action, products, locale) }))}
                    value={part}
                    onChange={setPart}
                  />
                )}
                <PartRevert job={partJobs?.[Number(part)]} action={parts[Number(part)]} onStarted={refresh} />
                <OutcomeFilter id="task-run-outcome" value={outcome} onChange={setOutcome} />
                <BulkResults
                  fetchPage={(after) =>
                    call('tasks.runDetail', { runId: props.runId, limit: RESULTS_PAGE, after, ...filter }).then((answer) => (answer.ok ? { ok: true as const, data: answer.data.results } : answer))
                  }
                  inputs={[props.runId, part, outcome]}
                  refreshOn={run.counts.changed + run.counts.failed + run.counts.skipped}
                />
              </Stack>
            ) : (
              <Note>{t('taskRuns.detail.noResults')}</Note>
            )}
          </Stack>
        )}
      </LoadView>
    </Stack>
  );
};
