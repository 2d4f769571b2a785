import React from 'react';
import { BarChart, DonutChart, Inline, Stack } from '@forge/react';
import type { ProductUsageDto } from '../../../contract';
import { useLocale } from '../../i18n/LocaleContext';
import type { ProductNames } from '../../components/productNames';
import { shownStates, stateColours } from '../../components/stateColours';

/** D3: activity buckets per product (grouped bars, each state in its colour) and seats used per product (donut). */
export const DashboardCharts = (props: { products: ProductUsageDto[]; names: ProductNames }): React.JSX.Element | null => {
  const { t } = useLocale();
  if (props.products.length === 0) return null;
  const activity = props.products.flatMap((p) =>
    shownStates.map((state) => ({ product: props.names.label(p), state: t(`states.${state}`), users: p.byState[state] })),
  );
  const seats = props.products
    .filter((p) => p.seatsUsed > 0)
    .map((p) => ({ product: props.names.label(p), seats: p.seatsUsed }));
  return (
    <Inline space="space.300" shouldWrap>
      <Stack space="space.100">
        <BarChart
          title={t('dashboard.charts.activity')}
          data={activity}
          xAccessor="product"
          yAccessor="users"
          colorAccessor="state"
          colorPalette={shownStates.map((state) => ({ key: t(`states.${state}`), value: stateColours[state].chart }))}
        />
      </Stack>
      {seats.length > 0 && (
        <Stack space="space.100">
          <DonutChart
            title={t('dashboard.charts.seats')}
            data={seats}
            labelAccessor="product"
            valueAccessor="seats"
            colorAccessor="product"
          />
        </Stack>
      )}
    </Inline>
  );
};
