/** Why a typed amount was refused; each has a `validation.amount.<reason>` message. */
export type AmountProblem = 'not-a-number' | 'negative' | 'too-many-decimals' | 'too-large';

/** An empty field, a number, or what is wrong with the text. */
export type ParsedAmount = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; problem: AmountProblem };

/** The limits an amount must keep. */
export interface AmountRules {
  maxDecimals: number;
  max: number;
}

/** The group and decimal separators of a locale, e.g. `,` and `.` for en-US, `.` and `,` for de-DE. */
export const separatorsOf = (localeTag: string): { group: string; decimal: string } => {
  const parts = new Intl.NumberFormat(localeTag).formatToParts(12345.6);
  return { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
};

const grouped = (digits: string, mark: string): boolean =>
  digits.split(mark).every((group, i) => /^\d+$/.test(group) && (i === 0 ? group.length <= 3 : group.length === 3));

/**
 * Which of `.` and `,` is the decimal mark in `text` (spaces removed): the last of the two when both appear; else
 * the one that appears, unless it is the locale's group separator and splits the digits into groups of three.
 */
const decimalMark = (text: string, decimal: string): string | null => {
  const marks = ['.', ','].filter((m) => text.includes(m));
  if (marks.length === 2) return text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
  const mark = marks[0];
  if (mark === undefined) return null;
  if (mark === decimal) return mark;
  return text.split(mark).length === 2 && !grouped(text, mark) ? mark : null;
};

/**
 * Reads an amount as the viewer types it in their locale: surrounding and grouping spaces, group separators (in
 * groups of three) and the locale's decimal separator; a lone `.` or `,` that cannot be grouping is read as the
 * decimal mark ("8,15" and "8.15" are 8.15 everywhere, "1,000" is a thousand in en-US).
 */
export const parseAmount = (text: string, localeTag: string, rules: AmountRules): ParsedAmount => {
  const compact = text.replace(/[\s\u00a0\u202f'’]/g, '');
  if (compact === '') return { kind: 'empty' };
  const negative = compact.startsWith('-');
  const body = negative ? compact.slice(1) : compact;
  if (!/^[\d.,]+$/.test(body)) return { kind: 'invalid', problem: 'not-a-number' };
  const mark = decimalMark(body, separatorsOf(localeTag).decimal);
  const [whole = '', fraction = '', extra] = mark === null ? [body] : body.split(mark);
  const groupMark = mark === ',' || (mark === null && body.includes('.')) ? '.' : ',';
  const wholeOk = whole === '' ? fraction !== '' : /^\d+$/.test(whole) || grouped(whole, groupMark);
  if (extra !== undefined || !wholeOk || !/^\d*$/.test(fraction)) return { kind: 'invalid', problem: 'not-a-number' };
  const value = Number(`${whole.split(groupMark).join('') || '0'}.${fraction || '0'}`);
  if (negative && value > 0) return { kind: 'invalid', problem: 'negative' };
  if (fraction.replace(/0+$/, '').length > rules.maxDecimals) return { kind: 'invalid', problem: 'too-many-decimals' };
  if (value > rules.max) return { kind: 'invalid', problem: 'too-large' };
  return { kind: 'number', value };
};
