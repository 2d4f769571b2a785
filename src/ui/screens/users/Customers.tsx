import React from 'react';
import type { CustomerRowDto } from '../../../contract';
import { call } from '../../api';
import { FilteredPagedTable, type TableRow } from '../../components/FilteredPagedTable';
import { TwoLines } from '../../components/TwoLines';
import { useLoad } from '../../hooks/useLoad';
import { useLocale, type Locale } from '../../i18n/LocaleContext';
import { CsvExport } from '../export/CsvExport';

/** Shares of the width (%): the customer's email gets the room, so it does not break mid-word at 1,024 px. */
const columnWidths = { serviceDesk: 20, customer: 42, status: 13, organizations: 25 };

const row = (r: CustomerRowDto, { t }: Locale): TableRow => ({
  key: `${r.serviceDeskId}:${r.accountId}`,
  cells: [
    { key: 'serviceDesk', content: r.serviceDeskName },
    { key: 'customer', content: <TwoLines main={r.person?.name ?? r.displayName ?? t('customerNames.unnamed')} sub={r.person?.email ?? r.email} /> },
    { key: 'status', content: r.person === null ? t('customerNames.portalOnly') : t(`accountStatus.${r.person.accountStatus}`) },
    { key: 'organizations', content: r.organizations.map((o) => o.name ?? o.id).join(', ') || '—' },
  ],
});

/**
 * U3 / X2: JSM customers per service desk and organization (both picked by name) with their organizations; exportable. Compact for 1,024 px
 * (U6): the name over the email.
 */
export const Customers = (): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  const [desks] = useLoad(() => call('customers.serviceDesks', {}), []);
  const [organizations] = useLoad(() => call('customers.organizations', {}), []);
  const choices = desks.status === 'ready' ? desks.data.items.map((d) => ({ value: d.id, label: d.name })) : [];
  const organizationChoices = organizations.status === 'ready' ? organizations.data.items.map((o) => ({ value: o.id, label: o.name })) : [];
  return (
    <FilteredPagedTable
      filters={[
        { field: 'serviceDeskId', id: 'customers-desk', label: t('customers.serviceDesk'), choices },
        { field: 'organizationId', id: 'customers-org', label: t('customers.organization'), choices: organizationChoices },
      ]}
      fetchPage={(filter, after, limit) => call('customers.list', { ...filter, limit, after })}
      pageSizeId="customers-page-size"
      caption={t('customers.caption')}
      columns={Object.entries(columnWidths).map(([key, width]) => ({ key, content: t(`customers.columns.${key}`), width }))}
      row={(r) => row(r, locale)}
      empty={{ header: t('customers.empty.header'), description: t('customers.empty.body') }}
      footer={(filter) => <CsvExport spec={{ kind: 'customers', payload: filter, total: null }} />}
    />
  );
};
