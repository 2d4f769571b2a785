import { resolveLanguage, supportedLanguages } from '../../../src/ui/i18n/resolveLanguage';

describe('resolveLanguage (FEATURES L1)', () => {
  it.each([
    ['en-US', 'en-US'],
    ['en_GB', 'en-US'],
    ['de_DE', 'de-DE'],
    ['fr', 'fr-FR'],
    ['pt-PT', 'pt-BR'],
    ['zh-TW', 'zh-TW'],
    ['zh_HK', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['nb-NO', 'no-NO'],
    ['nn_NO', 'no-NO'],
    ['uk-UA', 'uk-UA'],
    ['is-IS', 'en-US'],
    ['', 'en-US'],
    [undefined, 'en-US'],
  ])('%s → %s', (locale, expected) => {
    expect(resolveLanguage(locale)).toBe(expected);
  });

  it('offers exactly 26 languages', () => {
    expect(new Set(supportedLanguages).size).toBe(26);
  });
});
