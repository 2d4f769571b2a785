import type { PhraseDto, PhraseParamDto } from '../../contract';
import type { Locale } from '../i18n/LocaleContext';
import { durationText } from '../i18n/duration';

const listOf = (items: readonly string[], tag: string): string => new Intl.ListFormat(tag, { type: 'conjunction' }).format(items);

const paramText = (param: PhraseParamDto, locale: Pick<Locale, 't' | 'fmt'>): string => {
  const { fmt } = locale;
  switch (param.kind) {
    case 'text':
      return param.value;
    case 'number':
      return fmt.number(param.value);
    case 'date':
      return fmt.date(param.value);
    case 'duration':
      return durationText(param.value, fmt.localeTag);
    case 'list':
      return listOf(param.value, fmt.localeTag);
    case 'phrases':
      return listOf(param.value.map((p) => auditSentence(p, locale)), fmt.localeTag);
  }
};

/**
 * A5: an audit entry's details as the sentence an admin reads, in the viewer's language. Every parameter is
 * formatted for the viewer; a `count` parameter also picks the plural (templates write `{{count, number}}`).
 */
export const auditSentence = (phrase: PhraseDto, locale: Pick<Locale, 't' | 'fmt'>): string => {
  const values: Record<string, string | number> = {};
  for (const [name, param] of Object.entries(phrase.params)) values[name] = paramText(param, locale);
  const count = phrase.params.count;
  if (count?.kind === 'number') values.count = count.value;
  return locale.t(phrase.key, values);
};
