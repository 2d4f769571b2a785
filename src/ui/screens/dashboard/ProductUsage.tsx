import React from 'react';
import { DynamicTable, Heading, Lozenge, ProgressBar, Stack, Text } from '@forge/react';
import type { ProductUsageDto } from '../../../contract';
import { useLocale, type Locale } from '../../i18n/LocaleContext';
import { Note } from '../../components/LoadView';
import type { ProductNames } from '../../components/productNames';

const seatCell = (product: ProductUsageDto, names: ProductNames, { t, fmt }: Locale): React.JSX.Element => {
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
        ariaLabel={t('dashboard.products.seatsLabel', { product: names.label(product) })}
      />
      {level === 'near' && <Lozenge appearance="moved">{t('dashboard.products.near')}</Lozenge>}
      {level === 'over' && <Lozenge appearance="removed">{t('dashboard.products.over')}</Lozenge>}
    </Stack>
  );
};

/** The product's name; with several sites sharing product names, its site as a quieter second line. */
const productCell = (product: ProductUsageDto, names: ProductNames): React.JSX.Element | string => {
  const site = names.site(product);
  if (site === null) return names.name(product);
  return (
    <Stack space="space.025">
      <Text>{names.name(product)}</Text>
      <Note>{site}</Note>
    </Stack>
  );
};

/**
 * D2: users and seats per product; the seat bar is flagged near (≥ 90 %) or over capacity. With several sites the
 * rows are grouped by site (each row names its site under the product).
 */
export const ProductUsage = (props: { products: ProductUsageDto[]; names: ProductNames }): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const { names } = props;
  const column = (key: string): { key: string; content: string } => ({ key, content: t(`dashboard.products.columns.${key}`) });
  const rows = names.bySite
    ? [...props.products].sort((a, b) => (names.site(a) ?? '').localeCompare(names.site(b) ?? ''))
    : props.products;
  return (
    <Stack space="space.100">
      <Heading size="small">{t('dashboard.products.heading')}</Heading>
      {rows.length === 0 ? (
        <Note>{t('dashboard.products.empty')}</Note>
      ) : (
        <DynamicTable
          label={t('dashboard.products.heading')}
          head={{ cells: ['product', 'users', 'active', 'warning', 'overdue', 'seats'].map(column) }}
          rows={rows.map((p) => ({
            key: `${p.productKey}:${p.resourceId}`,
            cells: [
              { key: 'product', content: productCell(p, names) },
              { key: 'users', content: fmt.number(p.usersWithAccess) },
              { key: 'active', content: fmt.number(p.byState.active) },
              { key: 'warning', content: fmt.number(p.byState.warning) },
              { key: 'overdue', content: fmt.number(p.byState.overdue) },
              { key: 'seats', content: seatCell(p, names, locale) },
            ],
          }))}
        />
      )}
    </Stack>
  );
};
