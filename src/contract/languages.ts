/** The 26 languages the app ships (FEATURES L1), as locale file names; the admin's default language is one of them. */
export const supportedLanguages = [
  'en-US', 'fr-FR', 'de-DE', 'es-ES', 'it-IT', 'pt-BR', 'nl-NL', 'sv-SE', 'da-DK', 'no-NO', 'fi-FI', 'pl-PL', 'cs-CZ',
  'sk-SK', 'hu-HU', 'ro-RO', 'et-EE', 'tr-TR', 'ru-RU', 'uk-UA', 'th-TH', 'vi-VN', 'ja-JP', 'ko-KR', 'zh-CN', 'zh-TW',
] as const;
export type SupportedLanguageDto = (typeof supportedLanguages)[number];
