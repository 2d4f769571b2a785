import fc from 'fast-check';
import { DomainError } from '../../../src/domain/model/errors';
import {
  foldEmail,
  foldText,
  parseProtectedEntry,
  ProtectedEmails,
  validateProtectedEntries,
} from '../../../src/domain/policy/protectedEmails';

describe('parsing whitelist entries (S8)', () => {
  it.each([
    ['jane@example.com', 'exact', 'jane@example.com'],
    [' Jane@Example.COM ', 'exact', 'jane@example.com'],
    ['@example.com', 'domain', '@example.com'],
    ['*@example.com', 'domain', '@example.com'],
    ['admin-*@example.com', 'wildcard', 'admin-*@example.com'],
    ['ＡＤＭＩＮ@ｅｘａｍｐｌｅ.ｃｏｍ', 'exact', 'admin@example.com'],
    ['straße@bücher.de', 'exact', 'strasse@xn--bcher-kva.de'],
  ])('%p is a %s entry, normalized to %p', (raw, kind, normalized) => {
    const parsed = parseProtectedEntry(raw);
    expect(parsed).toEqual({ ok: true, entry: expect.objectContaining({ raw, kind, normalized }) as unknown });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [`${'a'.repeat(320)}@example.com`, 'too-long'],
    ['jane.example.com', 'missing-at'],
    ['jane@doe@example.com', 'multiple-at'],
    ['jane@*.example.com', 'wildcard-in-domain'],
    ['jane@example', 'invalid-domain'],
    ['jane@', 'invalid-domain'],
    ['jane@-example.com', 'invalid-domain'],
    ['jane@exa mple.com', 'invalid-domain'],
    ['jane@example..com', 'invalid-domain'],
    ['ja ne@example.com', 'invalid-local-part'],
    ['.jane@example.com', 'invalid-local-part'],
    ['jane.@example.com', 'invalid-local-part'],
    ['ja..ne@example.com', 'invalid-local-part'],
    ['ja(ne@example.com', 'invalid-local-part'],
    [`${'a'.repeat(65)}@example.com`, 'invalid-local-part'],
  ])('refuses %p as %s', (raw, reason) => {
    expect(parseProtectedEntry(raw)).toEqual({ ok: false, reason });
  });

  it("folds case and compatibility forms: 'ß' ≡ 'SS' ≡ 'ss', fullwidth ≡ ASCII", () => {
    expect(foldEmail('STRASSE')).toBe(foldEmail('straße'));
    expect(foldEmail('ＡＤＭＩＮ')).toBe('admin');
    expect(foldEmail('\u3000x@y.com\t')).toBe('x@y.com');
  });

  it('folds printable ASCII (its fast path) exactly as the full Unicode folding does', () => {
    const foldEmail = foldText;
    const full = (value: string): string => value.normalize('NFKC').trim().toUpperCase().toLowerCase().normalize('NFKC');
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }), (s) => {
        expect(foldEmail(s)).toBe(full(s));
      }),
      { numRuns: 2000 },
    );
    // Just outside the fast path, the full folding still applies.
    expect(foldEmail('\tX@Y.com')).toBe('x@y.com');
  });

  it('treats an internationalized domain in Unicode and in punycode as one, and ignores a trailing dot', () => {
    expect(foldEmail('Anna@Bücher.Example')).toBe('anna@xn--bcher-kva.example');
    expect(foldEmail('anna@xn--bcher-kva.example.')).toBe('anna@xn--bcher-kva.example');
    expect(foldEmail('anna@example.com.')).toBe('anna@example.com');
    expect(foldEmail('anna@例え.テスト')).toBe(foldEmail('anna@xn--r8jz45g.xn--zckzah'));
    expect(foldEmail('not an address')).toBe('not an address');
    expect(parseProtectedEntry('@bücher.example.')).toMatchObject({ ok: true, entry: { normalized: '@xn--bcher-kva.example', domain: 'xn--bcher-kva.example' } });
    expect(validateProtectedEntries(['@bücher.example', '@XN--BCHER-KVA.example.'])).toEqual([{ index: 1, entry: '@XN--BCHER-KVA.example.', reason: 'duplicate' }]);
  });
});

describe('validating a whole list for the settings UI', () => {
  it('returns every problem, with its position, including duplicates after folding', () => {
    const problems = validateProtectedEntries(['ok@example.com', 'bad', 'OK@EXAMPLE.COM', '@x', '*@b.org', '@B.org']);
    expect(problems).toEqual([
      { index: 1, entry: 'bad', reason: 'missing-at' },
      { index: 2, entry: 'OK@EXAMPLE.COM', reason: 'duplicate' },
      { index: 3, entry: '@x', reason: 'invalid-domain' },
      { index: 5, entry: '@B.org', reason: 'duplicate' },
    ]);
  });

  it('returns nothing for a clean list', () => {
    expect(validateProtectedEntries(['a@b.com', '@c.com', 'x-*@c.com'])).toEqual([]);
  });
});

describe('ProtectedEmails', () => {
  const list = ProtectedEmails.from(['Jane@Example.com', '@corp.example', 'admin-*@example.com', '*svc*bot@example.com']);

  it('refuses a malformed entry with PROTECTED_EMAIL_INVALID and the reason', () => {
    expect.assertions(3);
    try {
      ProtectedEmails.from(['ok@example.com', 'not-an-email']);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('PROTECTED_EMAIL_INVALID');
      expect((error as DomainError).details).toEqual({ entry: 'not-an-email', reason: 'missing-at' });
    }
  });

  it('protects exact addresses whatever the case, width or surrounding spaces', () => {
    expect(list.isProtected('jane@example.com')).toBe(true);
    expect(list.isProtected('  JANE@EXAMPLE.COM ')).toBe(true);
    expect(list.isProtected('ｊａｎｅ@ｅｘａｍｐｌｅ.ｃｏｍ')).toBe(true);
    expect(list.isProtected('janet@example.com')).toBe(false);
    expect(list.isProtected('jane@example.org')).toBe(false);
  });

  it('protects an internationalized domain written either way, with or without a trailing dot (P4)', () => {
    const idn = ProtectedEmails.from(['@bücher.example', 'boss@xn--caf-dma.example']);
    expect(idn.isProtected('anna@xn--bcher-kva.example')).toBe(true);
    expect(idn.isProtected('anna@BÜCHER.example.')).toBe(true);
    expect(idn.isProtected('boss@café.example')).toBe(true);
    expect(idn.isProtected('boss@cafe.example')).toBe(false);
    expect(idn.isProtected('anna@bucher.example')).toBe(false);
  });

  it('protects a whole domain, but not its subdomains or look-alikes', () => {
    expect(list.isProtected('anyone@corp.example')).toBe(true);
    expect(list.isProtected('anyone@CORP.EXAMPLE')).toBe(true);
    expect(list.isProtected('anyone@eu.corp.example')).toBe(false);
    expect(list.isProtected('anyone@corp.example.com')).toBe(false);
  });

  it('matches wildcards literally apart from *', () => {
    expect(list.isProtected('admin-jira@example.com')).toBe(true);
    expect(list.isProtected('admin-@example.com')).toBe(true);
    expect(list.isProtected('adminXjira@example.com')).toBe(false);
    expect(list.isProtected('my-svc-1-bot@example.com')).toBe(true);
    expect(list.isProtected('svcbot@example.com')).toBe(true);
    expect(list.isProtected('svc-bots@example.com')).toBe(false);
    expect(list.isProtected('bot-svc@example.com')).toBe(false);
  });

  it('needs room for every literal part of a wildcard', () => {
    const parts = ProtectedEmails.from(['*bo*bot@example.com', 'ab*ba@example.com']);
    expect(parts.isProtected('bobot@example.com')).toBe(true);
    expect(parts.isProtected('bot@example.com')).toBe(false);
    expect(parts.isProtected('abba@example.com')).toBe(true);
    expect(parts.isProtected('aba@example.com')).toBe(false);
  });

  it('does not treat regex characters in an entry as a pattern', () => {
    const dotted = ProtectedEmails.from(['a.b*@example.com', 'x+*@example.com']);
    expect(dotted.isProtected('a.b1@example.com')).toBe(true);
    expect(dotted.isProtected('axb1@example.com')).toBe(false);
    expect(dotted.isProtected('x+tag@example.com')).toBe(true);
    expect(dotted.isProtected('xxtag@example.com')).toBe(false);
  });

  it('does not protect a user without an email or with a malformed one', () => {
    expect(list.isProtected(null)).toBe(false);
    expect(list.isProtected('')).toBe(false);
    expect(list.isProtected('jane')).toBe(false);
    expect(list.isProtected('@example.com')).toBe(false);
    expect(ProtectedEmails.none().isProtected('jane@example.com')).toBe(false);
  });

  it('lists the entries that match an address', () => {
    const overlapping = ProtectedEmails.from(['admin-1@example.com', 'admin-*@example.com', '@example.com']);
    expect(overlapping.matchingEntries('Admin-1@example.com').map((e) => e.raw)).toEqual([
      'admin-1@example.com',
      'admin-*@example.com',
      '@example.com',
    ]);
    expect(overlapping.matchingEntries(null)).toEqual([]);
  });

  it('merges duplicate entries, keeping the first as written', () => {
    const merged = ProtectedEmails.from(['Jane@example.com', 'jane@EXAMPLE.com']);
    expect(merged.entries.map((e) => e.raw)).toEqual(['Jane@example.com']);
  });

  it('counts how many users each entry protects (S8)', () => {
    const emails = ['jane@example.com', 'a@corp.example', 'b@corp.example', 'admin-x@example.com', null, 'z@other.org'];
    const counts = list.countProtected(emails).map(({ entry, count }) => [entry.raw, count]);
    expect(counts).toEqual([
      ['Jane@Example.com', 1],
      ['@corp.example', 2],
      ['admin-*@example.com', 1],
      ['*svc*bot@example.com', 0],
    ]);
  });
});
