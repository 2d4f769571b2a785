import React from 'react';
import type { CustomerRowDto } from '../../../contract';
import { call } from '../../api';
import { FilteredPagedTable, type TableRow } from '../../components/FilteredPagedTable';
import { useLoad } from '../../hooks/useLoad';
import { useLocale, type Locale } from '../../i18n/LocaleContext';
import { CsvExport } from '../export/CsvExport';

const PAGE = 50;

const row = (r: CustomerRowDto, { t }: Locale): TableRow => ({
  key: `${r.serviceDeskId}:${r.accountId}`,
  cells: [
    { key: 'serviceDesk', content: r.serviceDeskName },
    { key: 'customer', content: r.person?.name ?? r.displayName ?? t('customerNames.unnamed') },
    { key: 'email', content: r.person?.email ?? r.email ?? '—' },
    { key: 'status', content: r.person === null ? t('customerNames.portalOnly') : t(`accountStatus.${r.person.accountStatus}`) },
    { key: 'organizations', content: r.organizations.map((o) => o.name ?? o.id).join(', ') || '—' },
  ],
});

/** U3 / X2: JSM customers per service desk (picked by name) with their organizations; exportable. */
export const Customers = (): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  const [desks] = useLoad(() => call('customers.serviceDesks', {}), []);
  const choices = desks.status === 'ready' ? desks.data.items.map((d) => ({ value: d.id, label: d.name })) : [];
  return (
    <FilteredPagedTable
      filters={[
        { field: 'serviceDeskId', id: 'customers-desk', label: t('customers.serviceDesk'), choices },
        { field: 'organizationId', id: 'customers-org', label: t('customers.organization') },
      ]}
      fetchPage={(filter, after) => call('customers.list', { ...filter, limit: PAGE, after })}
      pageSize={PAGE}
      caption={t('customers.caption')}
      columns={['serviceDesk', 'customer', 'email', 'status', 'organizations'].map((key) => ({ key, content: t(`customers.columns.${key}`) }))}
      row={(r) => row(r, locale)}
      empty={{ header: t('customers.empty.header'), description: t('customers.empty.body') }}
      footer={(filter) => <CsvExport spec={{ kind: 'customers', payload: filter, total: null }} />}
    />
  );
};
