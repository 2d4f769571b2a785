import { DomainError } from '../model/errors';

export const protectedEntryProblems = [
  'empty',
  'too-long',
  'missing-at',
  'multiple-at',
  'invalid-local-part',
  'invalid-domain',
  'wildcard-in-domain',
  'duplicate',
] as const;
/** Stable code for why a protected-email entry is refused; the UI translates it. */
export type ProtectedEntryProblem = (typeof protectedEntryProblems)[number];

/** A parsed whitelist entry: `exact` address, whole `domain` (`@d` or `*@d`), or local-part `wildcard`. */
export interface ProtectedEntry {
  readonly raw: string;
  readonly kind: 'exact' | 'domain' | 'wildcard';
  /** The folded form, e.g. `admin-*@example.com`; two entries with the same form are duplicates. */
  readonly normalized: string;
  readonly localPart: string;
  readonly domain: string;
}

export type ParseResult = { ok: true; entry: ProtectedEntry } | { ok: false; reason: ProtectedEntryProblem };

const MAX_LENGTH = 320;
const LOCAL_PART = /^[^\s"(),:;<>@[\\\]]{1,64}$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Trim, Unicode NFKC and case folding (JS has no full case fold: upper- then lower-casing maps
 * `ß` and `SS` to `ss`), so `ＡＤＭＩＮ` and `admin` compare equal.
 */
export const foldText = (value: string): string =>
  // Printable ASCII is its own NFKC form and upper- then lower-cases to its lower case: the same result, far cheaper.
  PRINTABLE_ASCII.test(value)
    ? value.trim().toLowerCase()
    : value.normalize('NFKC').trim().toUpperCase().toLowerCase().normalize('NFKC');

const validLocalPart = (local: string): boolean =>
  LOCAL_PART.test(local) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');

const validDomain = (domain: string): boolean => {
  const labels = domain.split('.');
  return domain.length <= 253 && labels.length >= 2 && labels.every((label) => DOMAIN_LABEL.test(label));
};

/**
 * A domain in one form: without the trailing dot of a fully qualified name, and an internationalized domain in its
 * ASCII (punycode) form, as WHATWG URL's IDNA mapping gives it — so `bücher.example` and `xn--bcher-kva.example`
 * are the same domain. A string that is not a valid domain is left as it is.
 */
const canonicalDomain = (domain: string): string => {
  const bare = domain.endsWith('.') ? domain.replace(/\.+$/, '') : domain;
  if (PRINTABLE_ASCII.test(bare) || !validDomain(bare)) return bare;
  try {
    return new URL(`http://${bare}/`).hostname;
  } catch {
    return bare;
  }
};

/**
 * An email address as the whitelist and the synced copy compare it: folded (`foldText`), its domain in one form
 * (`canonicalDomain`), so `ＡＤＭＩＮ@Bücher.Example.` and `admin@xn--bcher-kva.example` are the same address.
 */
export const foldEmail = (value: string): string => {
  const folded = foldText(value);
  const at = folded.lastIndexOf('@');
  if (at < 0) return folded;
  const domain = folded.slice(at + 1);
  const canonical = canonicalDomain(domain);
  return canonical === domain ? folded : `${folded.slice(0, at + 1)}${canonical}`;
};

/** Parses one whitelist entry; a malformed entry is refused with a reason, never silently accepted. */
export const parseProtectedEntry = (raw: string): ParseResult => {
  const folded = foldEmail(raw);
  if (folded === '') return { ok: false, reason: 'empty' };
  if (folded.length > MAX_LENGTH) return { ok: false, reason: 'too-long' };
  const [local, domain, ...rest] = folded.split('@');
  if (local === undefined || domain === undefined) return { ok: false, reason: 'missing-at' };
  if (rest.length > 0) return { ok: false, reason: 'multiple-at' };
  if (domain.includes('*')) return { ok: false, reason: 'wildcard-in-domain' };
  if (!validDomain(domain)) return { ok: false, reason: 'invalid-domain' };
  if (/^\**$/.test(local)) {
    return { ok: true, entry: { raw, kind: 'domain', normalized: `@${domain}`, localPart: '', domain } };
  }
  if (!validLocalPart(local)) return { ok: false, reason: 'invalid-local-part' };
  const kind = local.includes('*') ? 'wildcard' : 'exact';
  return { ok: true, entry: { raw, kind, normalized: `${local}@${domain}`, localPart: local, domain } };
};

/** Every problem in a whitelist, for the settings UI (nothing thrown); duplicates after folding included. */
export const validateProtectedEntries = (
  raws: readonly string[],
): { index: number; entry: string; reason: ProtectedEntryProblem }[] => {
  const seen = new Set<string>();
  return raws.flatMap((raw, index) => {
    const parsed = parseProtectedEntry(raw);
    if (!parsed.ok) return [{ index, entry: raw, reason: parsed.reason }];
    if (seen.has(parsed.entry.normalized)) return [{ index, entry: raw, reason: 'duplicate' as const }];
    seen.add(parsed.entry.normalized);
    return [];
  });
};

/** Glob match where `*` is any run of characters and every other character is literal (no regex). */
const globMatches = (pattern: string, text: string): boolean => {
  const prefix = pattern.slice(0, pattern.indexOf('*'));
  const suffix = pattern.slice(pattern.lastIndexOf('*') + 1);
  const end = text.length - suffix.length;
  if (end < prefix.length || !text.startsWith(prefix) || !text.endsWith(suffix)) return false;
  let at = prefix.length;
  for (const part of pattern.slice(prefix.length + 1, pattern.lastIndexOf('*')).split('*')) {
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
};

/**
 * The protected-email whitelist (FEATURES S8). A protected user is never changed by any path; the core
 * asks `isProtected` before every action.
 */
export class ProtectedEmails {
  readonly entries: readonly ProtectedEntry[];
  private readonly byDomain = new Map<string, ProtectedEntry[]>();

  private constructor(entries: readonly ProtectedEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      const list = this.byDomain.get(entry.domain) ?? [];
      list.push(entry);
      this.byDomain.set(entry.domain, list);
    }
  }

  /** Builds the whitelist; throws `PROTECTED_EMAIL_INVALID` on the first malformed entry. Duplicates are merged. */
  static from(raws: readonly string[]): ProtectedEmails {
    const entries = new Map<string, ProtectedEntry>();
    for (const raw of raws) {
      const parsed = parseProtectedEntry(raw);
      if (!parsed.ok) {
        throw new DomainError('PROTECTED_EMAIL_INVALID', `Invalid protected email entry: ${parsed.reason}`, {
          entry: raw,
          reason: parsed.reason,
        });
      }
      if (!entries.has(parsed.entry.normalized)) entries.set(parsed.entry.normalized, parsed.entry);
    }
    return new ProtectedEmails([...entries.values()]);
  }

  /** An empty whitelist. */
  static none(): ProtectedEmails {
    return new ProtectedEmails([]);
  }

  /** The entries that protect `email` (folded before comparing); none for a null or malformed address. */
  matchingEntries(email: string | null): ProtectedEntry[] {
    if (email === null) return [];
    const folded = foldEmail(email);
    const at = folded.lastIndexOf('@');
    if (at < 1) return [];
    const local = folded.slice(0, at);
    const candidates = this.byDomain.get(folded.slice(at + 1)) ?? [];
    return candidates.filter(
      (e) => e.kind === 'domain' || (e.kind === 'exact' ? e.localPart === local : globMatches(e.localPart, local)),
    );
  }

  /** True when any entry protects `email`; a user without an email is not protected. */
  isProtected(email: string | null): boolean {
    return this.matchingEntries(email).length > 0;
  }

  /** How many of `emails` each entry protects, in entry order (S8: "protects N synced users"). */
  countProtected(emails: Iterable<string | null>): { entry: ProtectedEntry; count: number }[] {
    const counts = new Map<string, number>();
    for (const email of emails) {
      for (const { normalized: key } of this.matchingEntries(email)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return this.entries.map((entry) => ({ entry, count: counts.get(entry.normalized) ?? 0 }));
  }
}
