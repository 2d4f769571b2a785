import React, { useState } from 'react';
import { EmptyState, Heading, SectionMessage, Stack, Text } from '@forge/react';
import { call } from '../../api';
import { AuditTable } from '../../components/AuditTable';
import { KeysetPager } from '../../components/KeysetPager';
import { LoadView } from '../../components/LoadView';
import { usePagedList } from '../../hooks/usePagedList';
import { useLocale } from '../../i18n/LocaleContext';
import { CsvExport } from '../export/CsvExport';
import { AuditFilters } from './AuditFilters';
import { emptyAuditFilter, isBackwardRange, toAuditPayload, type AuditFilterState } from './auditFilter';

const PAGE = 50;

const AuditList = (props: { payload: ReturnType<typeof toAuditPayload> }): React.JSX.Element => {
  const { t } = useLocale();
  const { payload } = props;
  const paged = usePagedList((after) => call('audit.list', { ...payload, limit: PAGE, after }), payload);
  return (
    <Stack space="space.200">
      <LoadView load={paged.load} onRetry={paged.reload}>
        {(page) =>
          page.items.length === 0 && paged.page === 0 ? (
            <EmptyState header={t('audit.empty.header')} description={t('audit.empty.body')} />
          ) : (
            <Stack space="space.100">
              <AuditTable entries={page.items} />
              <KeysetPager page={paged.page} pageSize={PAGE} rowsOnPage={page.items.length} hasNext={paged.hasNext} onPrevious={paged.previous} onNext={paged.next} />
            </Stack>
          )
        }
      </LoadView>
      <CsvExport spec={{ kind: 'audit', payload, total: null }} />
    </Stack>
  );
};

/** A1–A3: the audit log, filtered and keyset-paged on the server, exportable as CSV. */
export const AuditScreen = (): React.JSX.Element => {
  const { t, timeZone } = useLocale();
  const [state, setState] = useState<AuditFilterState>(emptyAuditFilter);
  return (
    <Stack space="space.200">
      <Heading size="medium">{t('audit.heading')}</Heading>
      <AuditFilters state={state} onChange={setState} />
      {isBackwardRange(state) ? (
        <SectionMessage appearance="warning" title={t('auditFilters.backwardRange.title')}>
          <Text>{t('auditFilters.backwardRange.body')}</Text>
        </SectionMessage>
      ) : (
        <AuditList payload={toAuditPayload(state, timeZone)} />
      )}
    </Stack>
  );
};
