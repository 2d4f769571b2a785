import type { z } from 'zod';
import { validateProtectedEntries } from '../../policy/protectedEmails';
import { isValidTimeZone } from '../../policy/timeSlot';

/** One problem with one field: `messageKey` is `validation.<rule or zod code>` (see the contract's validationRules). */
export interface FieldIssue {
  path: string;
  messageKey: string;
  message: string;
}

const RULE = /^[a-z][\w.-]*$/i;

/** Field-specific rules where zod's generic code would say too little. */
const ruleForPath = (path: string): string | null => {
  if (path === 'sync.hour') return 'sync.hour-out-of-range';
  if (path.startsWith('seatPrices')) return 'seatPrice.out-of-range';
  if (path === 'seatCurrency') return 'seatCurrency.unknown';
  if (path === 'defaultLanguage') return 'language.unknown';
  return null;
};

/** Zod issues of the settings schema as field issues. */
export const fromZod = (issues: readonly z.core.$ZodIssue[]): FieldIssue[] =>
  issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const rule = issue.code === 'custom' && RULE.test(issue.message) ? issue.message : (ruleForPath(path) ?? issue.code);
    return { path, messageKey: `validation.${rule}`, message: issue.message };
  });

/** Checks the settings schema cannot express: a known IANA zone and well-formed whitelist entries. */
export const extraIssues = (candidate: { sync?: { timeZone?: unknown }; protectedEmails?: unknown }): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  const zone = candidate.sync?.timeZone;
  if (typeof zone === 'string' && !isValidTimeZone(zone)) {
    issues.push({ path: 'sync.timeZone', messageKey: 'validation.sync.unknown-time-zone', message: 'unknown time zone' });
  }
  const emails = candidate.protectedEmails;
  if (Array.isArray(emails) && emails.every((e): e is string => typeof e === 'string')) {
    for (const problem of validateProtectedEntries(emails)) {
      issues.push({
        path: `protectedEmails.${problem.index}`,
        messageKey: `validation.protectedEmail.${problem.reason}`,
        message: problem.reason,
      });
    }
  }
  return issues;
};
