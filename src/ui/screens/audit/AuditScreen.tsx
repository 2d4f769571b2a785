import React, { useState } from 'react';
import { Button, EmptyState, Heading, Inline, SectionMessage, Stack, Text } from '@forge/react';
import type { AuditEntryDto } from '../../../contract';
import { call } from '../../api';
import { AuditTable } from '../../components/AuditTable';
import { KeysetPager } from '../../components/KeysetPager';
import { LoadView } from '../../components/LoadView';
import { DEFAULT_PAGE_SIZE, PageSizePicker, type PageSize } from '../../components/PageSizePicker';
import { usePagedList } from '../../hooks/usePagedList';
import { useLocale } from '../../i18n/LocaleContext';
import { CsvExport } from '../export/CsvExport';
import { AuditFilters } from './AuditFilters';
import { emptyAuditFilter, isBackwardRange, toAuditPayload, type AuditFilterState } from './auditFilter';

const AuditList = (props: { payload: ReturnType<typeof toAuditPayload>; onJob: (entry: AuditEntryDto) => void }): React.JSX.Element => {
  const { t } = useLocale();
  const { payload } = props;
  const [pageSize, setPageSize] = useState<PageSize>(DEFAULT_PAGE_SIZE);
  const paged = usePagedList((after) => call('audit.list', { ...payload, limit: pageSize, after }), { payload, pageSize });
  return (
    <Stack space="space.200">
      <Inline>
        <PageSizePicker id="audit-page-size" value={pageSize} onChange={setPageSize} />
      </Inline>
      <LoadView load={paged.load} onRetry={paged.reload}>
        {(page) =>
          page.items.length === 0 && paged.page === 0 ? (
            <EmptyState header={t('audit.empty.header')} description={t('audit.empty.body')} />
          ) : (
            <Stack space="space.100">
              <AuditTable entries={page.items} onJob={props.onJob} />
              <KeysetPager page={paged.page} pageSize={pageSize} rowsOnPage={page.items.length} hasNext={paged.hasNext} onPrevious={paged.previous} onNext={paged.next} />
            </Stack>
          )
        }
      </LoadView>
      <CsvExport spec={{ kind: 'audit', payload, total: null }} />
    </Stack>
  );
};

/** The job whose entries are shown (chosen from one of them), and the way back to every job. */
const JobShown = (props: { label: string; onClear: () => void }): React.JSX.Element => {
  const { t } = useLocale();
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <Text>{t('auditSearch.ofJob', { job: props.label })}</Text>
      <Button appearance="subtle" onClick={props.onClear}>
        {t('auditSearch.allJobs')}
      </Button>
    </Inline>
  );
};

/**
 * A1–A3: the audit log, filtered and keyset-paged on the server (25, 50 or 100 a page), exportable as CSV. The
 * entries of one job are reached from any of them (a job ID is never typed).
 */
export const AuditScreen = (): React.JSX.Element => {
  const { t, fmt, timeZone } = useLocale();
  const [state, setState] = useState<AuditFilterState>(emptyAuditFilter);
  const showJob = (entry: AuditEntryDto): void => {
    if (entry.jobId === null) return;
    setState({ ...state, job: { id: entry.jobId, label: t('auditSearch.jobLabel', { action: t(entry.actionKey), at: fmt.dateTime(entry.at) }) } });
  };
  return (
    <Stack space="space.200">
      <Heading size="medium">{t('audit.heading')}</Heading>
      <AuditFilters state={state} onChange={setState} />
      {state.job !== null && <JobShown label={state.job.label} onClear={() => { setState({ ...state, job: null }); }} />}
      {isBackwardRange(state) ? (
        <SectionMessage appearance="warning" title={t('auditFilters.backwardRange.title')}>
          <Text>{t('auditFilters.backwardRange.body')}</Text>
        </SectionMessage>
      ) : (
        <AuditList payload={toAuditPayload(state, timeZone)} onJob={showJob} />
      )}
    </Stack>
  );
};
