import fc from 'fast-check';
import { nameKey } from '../../../src/adapters/forge-sql/users/userKeys';

/** The folding a name key is defined by, written out step by step. */
const folded = (name: string): string =>
  Array.from(name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim()).slice(0, 255).join('');

describe('nameKey', () => {
  it('folds printable ASCII names (the fast path) exactly as the full folding does', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...' \t  AbcZ-_.,@1'.split('')), maxLength: 300, size: 'max' });
    fc.assert(fc.property(fc.oneof(ascii, fc.string({ maxLength: 300, size: 'max' })), (name) => {
      expect(nameKey(name)).toBe(folded(name));
    }));
  });

  it('folds other names through NFKD, without accents, cut at 255 code points', () => {
    expect(nameKey('  Ångström   ÉCOLE ')).toBe('angstrom ecole');
    expect(nameKey('😀'.repeat(300))).toBe('😀'.repeat(255));
    expect(nameKey(`Mary${'  '.repeat(200)}Ann`)).toBe('mary ann');
    expect(nameKey('A'.repeat(300))).toBe('a'.repeat(255));
  });

  it('folds fuzzed names the same as the definition', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400, size: 'max' }), (name) => {
      expect(nameKey(name)).toBe(folded(name));
    }));
  });
});
