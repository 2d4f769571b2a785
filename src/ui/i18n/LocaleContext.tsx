import React, { createContext, useContext, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { createI18n } from './i18n';
import { createFormatter, type Formatter } from './format';

export interface Locale {
  t: TFunction;
  fmt: Formatter;
  /** The viewer's time zone (IANA), used by date inputs. */
  timeZone: string | null;
}

const defaultLocale = (): Locale => {
  const i18n = createI18n('en-US');
  return { t: i18n.t.bind(i18n), fmt: createFormatter('en-US', null), timeZone: null };
};

const LocaleContext = createContext<Locale | null>(null);

/** Provides the viewer's translations and formatters, built from the product context's locale and time zone. */
export const LocaleProvider = (props: {
  locale: string | null | undefined;
  timeZone: string | null | undefined;
  children: React.ReactNode;
}): React.JSX.Element => {
  const { locale, timeZone } = props;
  const value = useMemo<Locale>(() => {
    const i18n = createI18n(locale);
    return { t: i18n.t.bind(i18n), fmt: createFormatter(locale, timeZone), timeZone: timeZone ?? null };
  }, [locale, timeZone]);
  return <LocaleContext.Provider value={value}>{props.children}</LocaleContext.Provider>;
};

/** Translations and formatters; English and UTC outside a provider. */
export const useLocale = (): Locale => useContext(LocaleContext) ?? fallback();

let cached: Locale | null = null;
const fallback = (): Locale => (cached ??= defaultLocale());
