import React from 'react';
import { EmptyState, Heading, Stack } from '@forge/react';
import type { DashboardDto } from '../../../contract';
import { call } from '../../api';
import { LoadView } from '../../components/LoadView';
import { productNames } from '../../components/productNames';
import { useLoad } from '../../hooks/useLoad';
import { useLocale } from '../../i18n/LocaleContext';
import { TotalsTiles } from './TotalsTiles';
import { ProductUsage } from './ProductUsage';
import { DashboardCharts } from './DashboardCharts';
import { SavingEstimate } from './SavingEstimate';

const DashboardBody = (props: { data: DashboardDto }): React.JSX.Element => {
  const locale = useLocale();
  const { data } = props;
  const names = productNames(data.products, locale);
  return (
    <Stack space="space.300">
      <TotalsTiles totals={data.totals} thresholds={data.thresholds} freshness={data.freshness} />
      <ProductUsage products={data.products} names={names} />
      <DashboardCharts products={data.products} names={names} />
      <SavingEstimate saving={data.saving} names={names} />
    </Stack>
  );
};

/** D1–D4: totals and freshness, usage per product, charts and the estimated saving. */
export const DashboardScreen = (): React.JSX.Element => {
  const { t } = useLocale();
  const [load, reload] = useLoad(() => call('dashboard.get', {}), []);
  return (
    <Stack space="space.300">
      <Heading size="medium">{t('dashboard.heading')}</Heading>
      <LoadView load={load} onRetry={reload}>
        {(data) =>
          data.totals.users === 0 && data.freshness.lastSyncAt === null && data.freshness.runningSince === null ? (
            <EmptyState header={t('dashboard.empty.header')} description={t('dashboard.empty.body')} />
          ) : (
            <DashboardBody data={data} />
          )
        }
      </LoadView>
    </Stack>
  );
};
