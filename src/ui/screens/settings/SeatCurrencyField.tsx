import React from 'react';
import { SelectField, type Choice } from '../../components/SelectField';
import { useLocale } from '../../i18n/LocaleContext';

/** Currencies Atlassian bills in and those of the app's languages (ISO 4217). */
const CURRENCIES = [
  'USD', 'EUR', 'GBP', 'AUD', 'CAD', 'NZD', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON', 'TRY',
  'UAH', 'INR', 'CNY', 'HKD', 'TWD', 'SGD', 'KRW', 'THB', 'VND', 'BRL', 'MXN', 'ZAR', 'ILS',
];

const nameOf = (code: string, localeTag: string): string => {
  try {
    return new Intl.DisplayNames([localeTag], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** D4: the currency the seat prices are in, shown with the estimate on the dashboard. */
export const SeatCurrencyField = (props: { value: string; onChange: (currency: string) => void }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const codes = CURRENCIES.includes(props.value) ? CURRENCIES : [props.value, ...CURRENCIES];
  const options: Choice<string>[] = codes.map((code) => ({ value: code, label: `${code} — ${nameOf(code, fmt.localeTag)}` }));
  return <SelectField id="seat-currency" label={t('settings.seatPrices.currency')} options={options} value={props.value} onChange={props.onChange} />;
};
