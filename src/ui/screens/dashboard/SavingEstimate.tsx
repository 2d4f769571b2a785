import React from 'react';
import { DynamicTable, Heading, List, ListItem, SectionMessage, Stack, Text } from '@forge/react';
import type { SavingDto } from '../../../contract';
import type { ProductNames } from '../../components/productNames';
import { useLocale } from '../../i18n/LocaleContext';

/** D4 without a price for any product in use: no amount, but how to get one. */
const NoPrices = (): React.JSX.Element => {
  const { t } = useLocale();
  return (
    <SectionMessage appearance="information" title={t('dashboard.saving.noPrices.title')}>
      <Text>{t('dashboard.saving.noPrices.body')}</Text>
    </SectionMessage>
  );
};

/**
 * D4: what removing overdue users' product access could save per month, in the currency chosen in Settings, for the
 * products with a price; protected users are not counted. Always labelled an estimate, with its assumptions.
 */
export const SavingEstimate = (props: { saving: SavingDto; names: ProductNames }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { saving } = props;
  const money = (value: number): string => fmt.money(value, saving.currency);
  return (
    <Stack space="space.100">
      <Heading size="small">{t('dashboard.saving.heading')}</Heading>
      {saving.lines.length === 0 ? (
        <NoPrices />
      ) : (
        <>
          <SectionMessage appearance="information" title={t('dashboard.saving.total', { amount: money(saving.totalMonthly) })}>
            <Text>{t('dashboard.saving.estimateNote')}</Text>
          </SectionMessage>
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
                { key: 'price', content: money(line.pricePerSeat) },
                { key: 'monthly', content: money(line.monthly) },
              ],
            }))}
          />
          <Text>{t('dashboard.saving.assumptionsHeading')}</Text>
          <List type="unordered">
            {saving.assumptionKeys.map((key) => (
              <ListItem key={key}>{t(key)}</ListItem>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
};
