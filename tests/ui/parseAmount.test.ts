import { parseAmount } from '../../src/ui/i18n/parseNumber';

const rules = { maxDecimals: 2, max: 100_000 };
const read = (text: string, locale = 'en-US') => parseAmount(text, locale, rules);
const value = (n: number) => ({ kind: 'number', value: n });
const problem = (p: string) => ({ kind: 'invalid', problem: p });

describe('D4 seat prices typed in the viewer’s locale', () => {
  it('reads trimmed text, group separators and the locale’s decimal separator', () => {
    expect(read(' 8.15 ')).toEqual(value(8.15));
    expect(read('8,15', 'de-DE')).toEqual(value(8.15));
    expect(read('1,234.50')).toEqual(value(1234.5));
    expect(read('1.234,50', 'de-DE')).toEqual(value(1234.5));
    expect(read('1 234,5', 'fr-FR')).toEqual(value(1234.5));
    expect(read('1\u202f234,5', 'fr-FR')).toEqual(value(1234.5));
    expect(read("1'234.5", 'de-CH')).toEqual(value(1234.5));
    expect(read('1,000')).toEqual(value(1000));
    expect(read('1.000', 'de-DE')).toEqual(value(1000));
    expect(read('0')).toEqual(value(0));
    expect(read('   ')).toEqual({ kind: 'empty' });
  });

  it('reads a lone separator that cannot be grouping as the decimal mark, in any locale', () => {
    expect(read('12,5')).toEqual(value(12.5));
    expect(read('8.15', 'de-DE')).toEqual(value(8.15));
  });

  it('says what is wrong: not a number, negative, too many decimals, too large', () => {
    for (const text of ['abc', '12a', '1e5', '1,2,3', '.', '8..1', '1.000,5.5']) expect(read(text)).toEqual(problem('not-a-number'));
    expect(read('-3')).toEqual(problem('negative'));
    expect(read('8.155')).toEqual(problem('too-many-decimals'));
    expect(read('8,155', 'de-DE')).toEqual(problem('too-many-decimals'));
    expect(read('8.150')).toEqual(value(8.15));
    expect(read('1,000,000,000')).toEqual(problem('too-large'));
    expect(read('1.000.000.000', 'de-DE')).toEqual(problem('too-large'));
  });
});
