import React from 'react';
import { DynamicTable, Heading, Lozenge, ProgressBar, Stack, Text } from '@forge/react';
import type { ProductUsageDto } from '../../../contract';
import { useLocale, type Locale } from '../../i18n/LocaleContext';
import { Note } from '../../components/LoadView';
import { productLabel } from './productLabel';

const seatCell = (product: ProductUsageDto, { t, fmt }: Locale): React.JSX.Element => {
  const used = fmt.number(product.seatsUsed);
  if (product.seatCapacity === null || product.seatPercent === null) {
    return <Text>{t('dashboard.products.seatsNoCapacity', { used })}</Text>;
  }
  const level = product.seatLevel;
  return (
    <Stack space="space.050">
      <Text>
        {t('dashboard.products.seats', { used, capacity: fmt.number(product.seatCapacity), percent: fmt.percent(product.seatPercent) })}
      </Text>
      <ProgressBar
        value={Math.min(product.seatPercent, 100) / 100}
        appearance={level === 'ok' ? 'success' : 'default'}
        ariaLabel={t('dashboard.products.seatsLabel', { product: productLabel(product) })}
      />
      {level === 'near' && <Lozenge appearance="moved">{t('dashboard.products.near')}</Lozenge>}
      {level === 'over' && <Lozenge appearance="removed">{t('dashboard.products.over')}</Lozenge>}
    </Stack>
  );
};

/** D2: users and seats per product; the seat bar is flagged near (≥ 90 %) or over capacity. */
export const ProductUsage = (props: { products: ProductUsageDto[] }): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const column = (key: string): { key: string; content: string } => ({ key, content: t(`dashboard.products.columns.${key}`) });
  return (
    <Stack space="space.100">
      <Heading size="small">{t('dashboard.products.heading')}</Heading>
      {props.products.length === 0 ? (
        <Note>{t('dashboard.products.empty')}</Note>
      ) : (
        <DynamicTable
          caption={t('dashboard.products.heading')}
          head={{ cells: ['product', 'users', 'active', 'warning', 'overdue', 'seats'].map(column) }}
          rows={props.products.map((p) => ({
            key: `${p.productKey}:${p.resourceId}`,
            cells: [
              { key: 'product', content: productLabel(p) },
              { key: 'users', content: fmt.number(p.usersWithAccess) },
              { key: 'active', content: fmt.number(p.byState.active) },
              { key: 'warning', content: fmt.number(p.byState.warning) },
              { key: 'overdue', content: fmt.number(p.byState.overdue) },
              { key: 'seats', content: seatCell(p, locale) },
            ],
          }))}
        />
      )}
    </Stack>
  );
};
