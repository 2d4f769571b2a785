import type { Failure } from '../../../contract';
import { issuesOf } from '../../components/ErrorBox';

/** One pasted entry the server refused, with the translated reason's key. */
export interface RefusedEntry {
  index: number;
  entry: string;
  messageKey: string;
}

/** S8: the entries in pasted text, one per line or separated by commas or semicolons, trimmed, blanks dropped. */
export const splitEntries = (text: string): string[] =>
  text
    .split(/[\n\r,;]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/**
 * The pasted entries a refused save names (`protectedEmails.<n>` issues at or past `existing`), or null when the
 * failure is about something else (then nothing may be saved).
 */
export const refusedEntries = (failure: Failure, existing: number, pasted: readonly string[]): RefusedEntry[] | null => {
  const issues = issuesOf(failure);
  if (failure.code !== 'VALIDATION_FAILED' || issues.length === 0) return null;
  const refused: RefusedEntry[] = [];
  for (const issue of issues) {
    const index = /^protectedEmails\.(\d+)$/.exec(issue.path)?.[1];
    const entry = index === undefined ? undefined : pasted[Number(index) - existing];
    if (entry === undefined || index === undefined) return null;
    refused.push({ index: Number(index) - existing, entry, messageKey: issue.messageKey });
  }
  return refused;
};
