import i18next, { type i18n } from 'i18next';
import enUS from '../../../locales/en-US.json';
import { resolveLanguage } from './resolveLanguage';

/** Creates the UI's i18next instance for an Atlassian locale; English fills any missing key. */
export const createI18n = (locale: string | null | undefined): i18n => {
  const instance = i18next.createInstance();
  void instance.init({
    lng: resolveLanguage(locale),
    fallbackLng: 'en-US',
    resources: { 'en-US': { translation: enUS } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
};
