import React from 'react';
import { Button, DynamicTable, Lozenge, Stack } from '@forge/react';
import { call } from '../../../api';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadView, Note } from '../../../components/LoadView';
import { usePagedList } from '../../../hooks/usePagedList';
import { usePolling } from '../../../hooks/usePolling';
import { useLocale } from '../../../i18n/LocaleContext';
import { runCountsText, runStatusAppearance } from './runText';

export const RUNS_PAGE = 20;
const columns = ['startedAt', 'trigger', 'status', 'counts', 'reason', 'open'] as const;

/**
 * T3 run history of a task: newest first, with how each run was started, its outcome, counts and reason, polled
 * while one runs. `refreshOn` (e.g. a run just started) fetches the page again.
 */
export const RunHistory = (props: { taskId: string; refreshOn?: string | null; onOpen: (runId: string) => void }): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const paged = usePagedList((after) => call('tasks.runs', { taskId: props.taskId, limit: RUNS_PAGE, after }), [props.taskId], props.refreshOn ?? null);
  const running = paged.load.status === 'ready' && paged.load.data.items.some((run) => run.status === 'running');
  usePolling(running, () => {
    paged.refresh();
    return Promise.resolve();
  });
  return (
    <LoadView load={paged.load} onRetry={paged.reload}>
      {(page) =>
        page.items.length === 0 && paged.page === 0 ? (
          <Note>{t('taskRuns.runs.none')}</Note>
        ) : (
          <Stack space="space.100">
            <DynamicTable
              caption={t('taskRuns.runs.caption')}
              head={{ cells: columns.map((key) => ({ key, content: key === 'open' ? '' : t(`taskRuns.runs.columns.${key}`) })) }}
              rows={page.items.map((run) => ({
                key: run.runId,
                cells: [
                  { key: 'startedAt', content: fmt.dateTime(run.startedAt) },
                  { key: 'trigger', content: t(`taskRuns.triggers.${run.trigger}`) },
                  { key: 'status', content: <Lozenge appearance={runStatusAppearance[run.status]}>{t(`taskRuns.statuses.${run.status}`)}</Lozenge> },
                  { key: 'counts', content: runCountsText(run, locale) },
                  { key: 'reason', content: run.reasonKey === null ? '' : t(run.reasonKey) },
                  {
                    key: 'open',
                    content: (
                      <Button
                        appearance="subtle"
                        onClick={() => {
                          props.onOpen(run.runId);
                        }}
                      >
                        {t('taskRuns.runs.open')}
                      </Button>
                    ),
                  },
                ],
              }))}
            />
            <KeysetPager page={paged.page} pageSize={RUNS_PAGE} rowsOnPage={page.items.length} hasNext={paged.hasNext} onPrevious={paged.previous} onNext={paged.next} />
          </Stack>
        )
      }
    </LoadView>
  );
};
