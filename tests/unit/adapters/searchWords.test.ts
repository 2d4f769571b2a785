import fc from 'fast-check';
import { MAX_WORD_CHARS, searchPrefix, searchWords } from '../../../src/adapters/forge-sql/users/searchWords';

/** Letters with and without accents, in both cases, and digits. */
const letter = fc.constantFrom(...'abcxyzABCXYZéÉüÜñÑçøå019'.split(''));
const word = fc.string({ unit: letter, minLength: 1, maxLength: 8 });
const separator = fc.constantFrom(' ', '.', '_', '-', '+', '@', '’', ' (', ', ');
/** A text of words between separators, and its words. */
const text = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 6 }), fc.array(separator, { minLength: 6, maxLength: 6 }))
  .map(([words, seps]) => ({ words, text: words.map((w, i) => (i === 0 ? w : `${seps[i] ?? ' '}${w}`)).join('') }));

const plain = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

describe('searchWords: what a search finds (U6)', () => {
  it('finds a name or an email by any prefix of any of its words, whatever the case and accents', () => {
    fc.assert(
      fc.property(text, fc.boolean(), fc.nat(), fc.nat(), fc.boolean(), ({ words, text: t }, asEmail, wi, cut, upper) => {
        const stored = asEmail ? searchWords('', t) : searchWords(t, null);
        const w = words[wi % words.length] ?? '';
        const prefix = w.slice(0, 1 + (cut % w.length));
        const typed = searchPrefix(upper ? plain(prefix).toUpperCase() : prefix);
        expect(typed).not.toBeNull();
        expect(stored.some((s) => s.startsWith(typed ?? '\u0000'))).toBe(true);
      }),
    );
  });

  it('stores each word once, sorted, as the rest of the folded name or email from a word start', () => {
    fc.assert(
      fc.property(text, text, ({ text: name }, { text: email }) => {
        const stored = searchWords(name, email);
        expect(stored).toEqual([...new Set(stored)].sort());
        for (const s of stored) {
          expect(Array.from(s).length).toBeLessThanOrEqual(MAX_WORD_CHARS);
          const atWordStart = (f: string): boolean => {
            const before = f.slice(0, f.length - s.length);
            return f.endsWith(s) && (before === '' || (/[^\p{L}\p{N}]$/u.test(before) && /^[\p{L}\p{N}]/u.test(s)));
          };
          expect([plain(name), plain(email)].some(atWordStart)).toBe(true);
        }
      }),
    );
  });

  it('does not find a text by the middle of a word', () => {
    expect(searchWords('Abbey Reichert', null).some((s) => s.startsWith('eichert'))).toBe(false);
    expect(searchWords('', 'x@acme.com').some((s) => s.startsWith('cme'))).toBe(false);
  });

  it('splits emails at . _ - + and @, and names at spaces and punctuation', () => {
    expect(searchWords('Abbey Reichert', 'first.last_x-y+jira@acme.co.uk')).toEqual([
      'abbey reichert', 'acme.co.uk', 'co.uk', 'first.last_x-y+jira@acme.co.uk', 'jira@acme.co.uk', 'last_x-y+jira@acme.co.uk',
      'reichert', 'uk', 'x-y+jira@acme.co.uk', 'y+jira@acme.co.uk',
    ]);
    expect(searchWords('José  Álvarez (Contractor)', null)).toEqual(['alvarez (contractor)', 'contractor)', 'jose alvarez (contractor)']);
  });

  it('folds the search as it folds the words, and ignores leading characters no word starts with', () => {
    expect(searchPrefix('  JOSÉ ')).toBe('jose');
    expect(searchPrefix('@Acme')).toBe('acme');
    expect(searchPrefix('%')).toBe('%');
    expect(searchPrefix('   ')).toBeNull();
    expect(searchPrefix(undefined)).toBeNull();
    expect(Array.from(searchPrefix('é'.repeat(400)) ?? '')).toHaveLength(MAX_WORD_CHARS);
  });
});
