import React from 'react';
import { DynamicTable, Heading, List, ListItem, SectionMessage, Stack, Text } from '@forge/react';
import type { SavingDto } from '../../../contract';
import type { ProductNames } from '../../components/productNames';
import { useLocale } from '../../i18n/LocaleContext';

/**
 * D4: what removing overdue users' product access could save per month, from the seat prices the admin entered in
 * Settings. Always labelled an estimate, with the assumptions it rests on.
 */
export const SavingEstimate = (props: { saving: SavingDto; names: ProductNames }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { saving } = props;
  return (
    <Stack space="space.100">
      <Heading size="small">{t('dashboard.saving.heading')}</Heading>
      <SectionMessage appearance="information" title={t('dashboard.saving.total', { amount: fmt.amount(saving.totalMonthly) })}>
        <Text>{t('dashboard.saving.estimateNote')}</Text>
      </SectionMessage>
      {saving.lines.length > 0 && (
        <DynamicTable
          label={t('dashboard.saving.heading')}
          head={{
            cells: ['product', 'overdueSeats', 'price', 'monthly'].map((key) => ({ key, content: t(`dashboard.saving.columns.${key}`) })),
          }}
          rows={saving.lines.map((line) => ({
            key: line.family,
            cells: [
              { key: 'product', content: props.names.familyName(line) },
              { key: 'overdueSeats', content: fmt.number(line.overdueSeats) },
              { key: 'price', content: line.pricePerSeat === null ? t('dashboard.saving.noPrice') : fmt.amount(line.pricePerSeat) },
              { key: 'monthly', content: line.monthly === null ? '—' : fmt.amount(line.monthly) },
            ],
          }))}
        />
      )}
      <Text>{t('dashboard.saving.assumptionsHeading')}</Text>
      <List type="unordered">
        {saving.assumptionKeys.map((key) => (
          <ListItem key={key}>{t(key)}</ListItem>
        ))}
      </List>
    </Stack>
  );
};
