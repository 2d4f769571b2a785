import React, { useState } from 'react';
import { ErrorMessage, Inline, LoadingButton, Stack } from '@forge/react';
import { seatPriceRules, type SettingsDto } from '../../../contract';
import { Note } from '../../components/LoadView';
import { productName } from '../../components/productNames';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/LocaleContext';
import { parseAmount } from '../../i18n/parseNumber';
import { SaveFeedback } from './SaveFeedback';
import { SeatCurrencyField } from './SeatCurrencyField';
import { Section } from './Section';
import { useSectionSave, type SaveSettings } from './useSave';


/**
 * D4 input: the price per seat per month for each product family and their currency (sent only when changed), used
 * only for the dashboard's estimate. A family spans sites, so its label drops a site the product name repeats
 * ("Jira (acme)" → "Jira"). Prices are typed as the viewer's locale writes numbers; each refused price says what is
 * wrong with it.
 */
export const SeatPricesSection = (props: { settings: SettingsDto; save: SaveSettings }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { productFamilies, seatPrices, seatCurrency } = props.settings;
  const [currency, setCurrency] = useState(seatCurrency);
  const [drafts, setDrafts] = useState<Record<string, string>>(() =>
    Object.fromEntries(productFamilies.map((p) => [p.family, seatPrices[p.family] === undefined ? '' : fmt.number(seatPrices[p.family] ?? 0, 2)])),
  );
  const save = useSectionSave(props.save);
  const parsed = productFamilies.map((p) => ({ family: p, price: parseAmount(drafts[p.family] ?? '', fmt.localeTag, seatPriceRules) }));
  const problems = parsed.flatMap(({ family, price }) => (price.kind === 'invalid' ? [{ family, problem: price.problem }] : []));
  const prices = Object.fromEntries(parsed.flatMap(({ family, price }) => (price.kind === 'number' ? [[family.family, price.value]] : [])));
  const nameOf = (p: SettingsDto['productFamilies'][number]): string => productName({ productKey: p.family, name: p.name, siteUrl: p.siteUrl });
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
                label={nameOf(p)}
                value={drafts[p.family] ?? ''}
                isInvalid={problems.some((x) => x.family.family === p.family)}
                onChange={(value) => {
                  setDrafts({ ...drafts, [p.family]: value });
                }}
              />
            ))}
            <LoadingButton appearance="primary" isLoading={save.saving} isDisabled={problems.length > 0} onClick={() => { save.run({ seatPrices: prices, ...(currency === seatCurrency ? {} : { seatCurrency: currency }) }); }}>
              {t('common.save')}
            </LoadingButton>
          </Inline>
          {problems.map(({ family, problem }) => (
            <ErrorMessage key={family.family}>
              {t('settings.seatPrices.problem', {
                product: nameOf(family),
                problem: t(`validation.seatPrice.${problem}`, { example: fmt.number(8.15, 2), max: fmt.number(seatPriceRules.max), decimals: seatPriceRules.maxDecimals }),
              })}
            </ErrorMessage>
          ))}
        </Stack>
      )}
      <SaveFeedback save={save} />
    </Section>
  );
};
