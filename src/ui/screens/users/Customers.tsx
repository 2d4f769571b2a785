import React, { useState } from 'react';
import { Button, DynamicTable, EmptyState, Inline, Stack } from '@forge/react';
import type { CustomerRowDto } from '../../../contract';
import { call } from '../../api';
import { KeysetPager } from '../../components/KeysetPager';
import { LoadView } from '../../components/LoadView';
import { TextField } from '../../components/TextField';
import { usePagedList } from '../../hooks/usePagedList';
import { useLocale, type Locale } from '../../i18n/LocaleContext';
import { CsvExport } from '../export/CsvExport';

const PAGE = 50;

const row = (r: CustomerRowDto, { t }: Locale): { key: string; cells: { key: string; content: string }[] } => ({
  key: `${r.serviceDeskId}:${r.accountId}`,
  cells: [
    { key: 'serviceDesk', content: r.serviceDeskId },
    { key: 'customer', content: r.person?.name ?? r.accountId },
    { key: 'email', content: r.person?.email ?? '—' },
    { key: 'status', content: r.person === null ? t('projectUsers.notInDirectory') : t(`accountStatus.${r.person.accountStatus}`) },
    { key: 'organizations', content: r.organizations.map((o) => o.name ?? o.id).join(', ') || '—' },
  ],
});

/** U3 / X2: JSM customers per service desk with their organizations; exportable. */
export const Customers = (): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  const [draft, setDraft] = useState({ serviceDeskId: '', organizationId: '' });
  const [applied, setApplied] = useState(draft);
  const payload = {
    ...(applied.serviceDeskId.trim() === '' ? {} : { serviceDeskId: applied.serviceDeskId.trim() }),
    ...(applied.organizationId.trim() === '' ? {} : { organizationId: applied.organizationId.trim() }),
  };
  const paged = usePagedList((after) => call('customers.list', { ...payload, limit: PAGE, after }), payload);
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="end">
        <TextField id="customers-desk" label={t('customers.serviceDesk')} value={draft.serviceDeskId} onChange={(serviceDeskId) => { setDraft({ ...draft, serviceDeskId }); }} />
        <TextField id="customers-org" label={t('customers.organization')} value={draft.organizationId} onChange={(organizationId) => { setDraft({ ...draft, organizationId }); }} />
        <Button appearance="primary" onClick={() => { setApplied(draft); }}>
          {t('filters.apply')}
        </Button>
      </Inline>
      <LoadView load={paged.load} onRetry={paged.reload}>
        {(page) =>
          page.items.length === 0 && paged.page === 0 ? (
            <EmptyState header={t('customers.empty.header')} description={t('customers.empty.body')} />
          ) : (
            <Stack space="space.100">
              <DynamicTable
                caption={t('customers.caption')}
                head={{ cells: ['serviceDesk', 'customer', 'email', 'status', 'organizations'].map((key) => ({ key, content: t(`customers.columns.${key}`) })) }}
                rows={page.items.map((r) => row(r, locale))}
              />
              <KeysetPager page={paged.page} pageSize={PAGE} rowsOnPage={page.items.length} hasNext={paged.hasNext} onPrevious={paged.previous} onNext={paged.next} />
            </Stack>
          )
        }
      </LoadView>
      <CsvExport spec={{ kind: 'customers', payload, total: null }} />
    </Stack>
  );
};
