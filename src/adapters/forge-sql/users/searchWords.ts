import { foldText } from './userKeys';

/** How many code points of a search word are stored and compared (the `word` column is VARCHAR(255)). */
export const MAX_WORD_CHARS = 255;

const WORD_CHAR = /[\p{L}\p{N}]/u;

const cut = (chars: readonly string[]): string => chars.slice(0, MAX_WORD_CHARS).join('');

/**
 * The rest of the folded text from each place a word starts: the start, and every letter or digit that follows
 * a character that is neither (a space, `.`, `_`, `-`, `+`, `@`, an apostrophe ...). A search for a prefix of any
 * of them finds the text: "Abbey Reichert" gives "abbey reichert" and "reichert"; "x.y+jira@acme.com" gives
 * "x.y+jira@acme.com", "y+jira@acme.com", "jira@acme.com", "acme.com" and "com". Each is cut at 255 code points.
 */
const tails = (text: string): string[] => {
  const chars = Array.from(foldText(text));
  const found: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const starts = i === 0 || (WORD_CHAR.test(chars[i] ?? '') && !WORD_CHAR.test(chars[i - 1] ?? ''));
    if (starts) found.push(cut(chars.slice(i)));
  }
  return found;
};

/** Every search word of a user (name and email), each once, in code-unit order (the primary key's order). */
export const searchWords = (name: string, email: string | null): string[] =>
  [...new Set([...tails(name), ...(email === null ? [] : tails(email))])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The folded search text a word must start with, or null when there is none. Leading characters that no word
 * starts with are dropped ("@acme" looks for "acme"), unless nothing would be left.
 */
export const searchPrefix = (search: string | undefined): string | null => {
  const folded = foldText(search ?? '');
  if (folded === '') return null;
  const chars = Array.from(folded);
  const first = chars.findIndex((c) => WORD_CHAR.test(c));
  return cut(first > 0 ? chars.slice(first) : chars);
};
