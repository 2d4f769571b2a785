import React, { useState } from 'react';
import { ErrorMessage, Inline, LoadingButton, Stack } from '@forge/react';
import type { SettingsDto } from '../../../contract';
import { Note } from '../../components/LoadView';
import { productName } from '../../components/productNames';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/LocaleContext';
import { SaveFeedback } from './SaveFeedback';
import { SeatCurrencyField } from './SeatCurrencyField';
import { Section } from './Section';
import { useSectionSave, type SaveSettings } from './useSave';

const parsePrice = (text: string): number | null | undefined => {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : null;
};

/**
 * D4 input: the price per seat per month for each product family and their currency (sent only when changed), used
 * only for the dashboard's estimate. A family spans sites, so its label drops a site the product name repeats
 * ("Jira (acme)" → "Jira").
 */
export const SeatPricesSection = (props: { settings: SettingsDto; save: SaveSettings }): React.JSX.Element => {
  const { t } = useLocale();
  const { productFamilies, seatPrices, seatCurrency } = props.settings;
  const [currency, setCurrency] = useState(seatCurrency);
  const [drafts, setDrafts] = useState<Record<string, string>>(() =>
    Object.fromEntries(productFamilies.map((p) => [p.family, seatPrices[p.family] === undefined ? '' : String(seatPrices[p.family])])),
  );
  const save = useSectionSave(props.save);
  const parsed = productFamilies.map((p) => [p.family, parsePrice(drafts[p.family] ?? '')] as const);
  const invalid = parsed.some(([, price]) => price === null);
  const prices = Object.fromEntries(parsed.flatMap(([family, price]) => (typeof price === 'number' ? [[family, price]] : [])));
  return (
    <Section title={t('settings.seatPrices.title')} description={t('settings.seatPrices.description')}>
      {productFamilies.length === 0 ? (
        <Note>{t('settings.seatPrices.empty')}</Note>
      ) : (
        <Stack space="space.100">
          <SeatCurrencyField value={currency} onChange={setCurrency} />
          <Inline space="space.150" shouldWrap alignBlock="end">
            {productFamilies.map((p) => (
              <TextField
                key={p.family}
                id={`seat-price-${p.family}`}
                label={productName({ productKey: p.family, name: p.name, siteUrl: p.siteUrl })}
                value={drafts[p.family] ?? ''}
                isInvalid={parsePrice(drafts[p.family] ?? '') === null}
                onChange={(value) => {
                  setDrafts({ ...drafts, [p.family]: value });
                }}
              />
            ))}
            <LoadingButton appearance="primary" isLoading={save.saving} isDisabled={invalid} onClick={() => { save.run({ seatPrices: prices, ...(currency === seatCurrency ? {} : { seatCurrency: currency }) }); }}>
              {t('common.save')}
            </LoadingButton>
          </Inline>
          {invalid && <ErrorMessage>{t('validation.seatPrice.out-of-range')}</ErrorMessage>}
        </Stack>
      )}
      <SaveFeedback save={save} />
    </Section>
  );
};
