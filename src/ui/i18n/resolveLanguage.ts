import { supportedLanguages, type SupportedLanguageDto } from '../../contract/languages';

export { supportedLanguages };
export type SupportedLanguage = SupportedLanguageDto;

const byLanguage = new Map<string, SupportedLanguage>(supportedLanguages.map((tag) => [tag.slice(0, 2), tag]));

/**
 * Picks the app language for an Atlassian locale (`en-US` or `en_US` forms): Traditional Chinese
 * for zh-TW / zh-HK / zh-Hant, Simplified for other zh, Norwegian for nb / nn / no; otherwise by
 * language, falling back to English.
 */
export const resolveLanguage = (locale: string | null | undefined): SupportedLanguage => {
  const parts = (locale ?? '').replace(/_/g, '-').toLowerCase().split('-');
  const language = parts[0] ?? '';
  if (language === 'zh') {
    return parts.some((p) => p === 'tw' || p === 'hk' || p === 'mo' || p === 'hant') ? 'zh-TW' : 'zh-CN';
  }
  if (language === 'nb' || language === 'nn') return 'no-NO';
  return byLanguage.get(language) ?? 'en-US';
};
