import React, { useEffect, useState } from 'react';
import { DynamicTable, Heading, List, ListItem, SectionMessage, Stack, Text } from '@forge/react';
import type { DryRunDto, TaskDefinitionDto, TaskSkipReasonDto } from '../../../../contract';
import { call } from '../../../api';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadView, Note } from '../../../components/LoadView';
import { SelectField } from '../../../components/SelectField';
import { TwoLines } from '../../../components/TwoLines';
import { usePagedList } from '../../../hooks/usePagedList';
import { useLocale } from '../../../i18n/LocaleContext';
import { CsvExport } from '../../export/CsvExport';
import { dryRunWhy, taskSkipReasonKey } from './runText';

export const DRY_RUN_PAGE = 50;

/** What to dry-run: a saved task, the editor's unsaved definition, or both (the definition of a saved task being edited). */
export interface DryRunSource {
  taskId: string | null;
  definition: TaskDefinitionDto | null;
}

type Show = 'all' | 'will-change' | 'skip' | `skip:${TaskSkipReasonDto}`;

const filterOf = (show: Show): { decision: 'all' | 'will-change' | 'skip'; reason: TaskSkipReasonDto | null } =>
  show.startsWith('skip:') ? { decision: 'skip', reason: show.slice(5) as TaskSkipReasonDto } : { decision: show as 'all' | 'will-change' | 'skip', reason: null };

const entries = <K extends string>(record: Partial<Record<K, number>>): [K, number][] =>
  (Object.entries(record) as [K, number | undefined][]).flatMap(([key, n]) => (n === undefined || n === 0 ? [] : [[key, n]]));

/** The counts of a dry run: who would change and how, who is skipped and why, notices, and the safety cap's verdict. */
const DryRunSummary = (props: { data: DryRunDto }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { summary, safety, notices } = props.data;
  const n = (count: number): string => fmt.number(count);
  return (
    <Stack space="space.100">
      <Note>{t('taskRuns.dryRun.evaluatedAt', { at: fmt.dateTime(props.data.evaluatedAt) })}</Note>
      {safety.status === 'over-cap' && (
        <SectionMessage appearance="warning" title={t('taskRuns.dryRun.overCap.title')}>
          <Text>{t('taskRuns.dryRun.overCap.body', { wouldChange: n(safety.wouldChange ?? 0), wouldAnnounce: n(safety.wouldAnnounce ?? 0), cap: n(safety.cap) })}</Text>
        </SectionMessage>
      )}
      <Text>{t('taskRuns.dryRun.willChange', { count: summary.willChange, formatted: n(summary.willChange) })}</Text>
      <List type="unordered">
        {entries(summary.byMethod).map(([method, count]) => (
          <ListItem key={method}>{t('taskRuns.dryRun.byMethod', { method: t(`taskRuns.methods.${method}`), count: n(count) })}</ListItem>
        ))}
      </List>
      <Text>{t('taskRuns.dryRun.skipped', { count: summary.skipped, formatted: n(summary.skipped) })}</Text>
      <List type="unordered">
        {entries(summary.skippedByReason).map(([reason, count]) => (
          <ListItem key={reason}>{t('taskRuns.dryRun.byReason', { reason: t(taskSkipReasonKey(reason)), count: n(count) })}</ListItem>
        ))}
      </List>
      {summary.keepSeat > 0 && <Text>{t('taskRuns.dryRun.keepSeat', { count: summary.keepSeat, formatted: n(summary.keepSeat) })}</Text>}
      {notices.announce > 0 && <Text>{t('taskRuns.dryRun.announce', { count: notices.announce, formatted: n(notices.announce) })}</Text>}
      {notices.clear > 0 && <Text>{t('taskRuns.dryRun.clear', { count: notices.clear, formatted: n(notices.clear) })}</Text>}
    </Stack>
  );
};

/**
 * T2: who a task would change now and why, who it would skip and why — counts by reason, the users paged and
 * filtered by decision or reason, and the CSV of the users shown. Changes nothing. `onEvaluated` gets each answer.
 */
export const DryRunPanel = (props: { source: DryRunSource; onEvaluated?: (data: DryRunDto) => void }): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const [show, setShow] = useState<Show>('all');
  const [reasons, setReasons] = useState<[TaskSkipReasonDto, number][]>([]);
  const filter = filterOf(show);
  const paged = usePagedList((after) => call('tasks.dryRun', { ...props.source, ...filter, limit: DRY_RUN_PAGE, after }), [props.source, show]);
  const { onEvaluated } = props;
  useEffect(() => {
    if (paged.load.status !== 'ready') return;
    setReasons(entries(paged.load.data.summary.skippedByReason));
    onEvaluated?.(paged.load.data);
  }, [paged.load]);
  const options = [
    { value: 'all' as const, label: t('taskRuns.dryRun.show.all') },
    { value: 'will-change' as const, label: t('taskRuns.dryRun.show.will-change') },
    { value: 'skip' as const, label: t('taskRuns.dryRun.show.skip') },
    ...reasons.map(([reason, count]) => ({ value: `skip:${reason}` as const, label: t('taskRuns.dryRun.show.reason', { reason: t(taskSkipReasonKey(reason)), count: fmt.number(count) }) })),
  ];
  return (
    <Stack space="space.150">
      <Heading size="xsmall">{t('taskRuns.dryRun.title')}</Heading>
      <SelectField id="dry-run-show" label={t('taskRuns.dryRun.show.label')} options={options} value={show} onChange={setShow} />
      <LoadView load={paged.load} onRetry={paged.reload}>
        {(data) => (
          <Stack space="space.150">
            <DryRunSummary data={data} />
            {data.items.length === 0 ? (
              <Note>{t('taskRuns.dryRun.none')}</Note>
            ) : (
              <DynamicTable
                caption={t('taskRuns.dryRun.caption')}
                head={{ cells: ['user', 'decision', 'why'].map((key) => ({ key, content: t(`taskRuns.dryRun.columns.${key}`) })) }}
                rows={data.items.map((item) => ({
                  key: item.accountId,
                  cells: [
                    { key: 'user', content: <TwoLines main={item.name ?? item.email ?? t('taskRuns.userLeft')} sub={item.name === null ? null : item.email} /> },
                    { key: 'decision', content: t(`taskRuns.decisions.${item.decision}`) },
                    { key: 'why', content: dryRunWhy(item, locale) },
                  ],
                }))}
              />
            )}
            <KeysetPager page={paged.page} pageSize={DRY_RUN_PAGE} rowsOnPage={data.items.length} hasNext={paged.hasNext} total={data.matching} onPrevious={paged.previous} onNext={paged.next} />
            {data.matching > 0 && <CsvExport spec={{ kind: 'taskDryRun', payload: { ...props.source, ...filter }, total: data.matching }} />}
          </Stack>
        )}
      </LoadView>
    </Stack>
  );
};
