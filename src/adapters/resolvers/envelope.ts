import { ZodError, type core } from 'zod';
import type { Envelope, Failure, ValidationIssue } from '../../contract';
import { DomainError } from '../../domain/model/errors';

export type { Envelope, Failure } from '../../contract';

export const success = <T>(data: T): Envelope<T> => ({ ok: true, data });

/** `validation.<rule>` for our own refinements (their message is the rule), else `validation.<zod issue code>`. */
const issueKey = (issue: core.$ZodIssue): string =>
  issue.code === 'custom' && /^[a-z][\w.-]*$/i.test(issue.message) ? `validation.${issue.message}` : `validation.${issue.code}`;

/** Zod issues as the contract's per-field issues. */
export const toValidationIssues = (error: ZodError): ValidationIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, messageKey: issueKey(issue) }));

/**
 * The details a failure may show the browser: what the page explains to the admin (field issues, a reason code, a
 * limit, when to retry, the job or run concerned). Everything else a DomainError carries — SQL codes and statement
 * text, KVS codes, HTTP statuses, operation names — is for the server's log only.
 */
const publicDetails = ['issues', 'reason', 'max', 'retryAfterSeconds', 'retryAt', 'field', 'jobId', 'runId'] as const;

const shownDetails = (details: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> | undefined => {
  if (details === undefined) return undefined;
  const shown = Object.fromEntries(publicDetails.filter((key) => key in details).map((key) => [key, details[key]]));
  return Object.keys(shown).length > 0 ? shown : undefined;
};

/**
 * Maps any thrown value to a failure envelope, once, at the boundary. Unexpected errors become
 * INTERNAL without their message: it may carry data that must not reach the browser.
 */
export const failure = (error: unknown): Envelope<never> => {
  if (error instanceof DomainError) {
    const result: Failure = { code: error.code, messageKey: error.messageKey };
    const details = shownDetails(error.details);
    return { ok: false, error: details ? { ...result, details } : result };
  }
  if (error instanceof ZodError) {
    const issues = toValidationIssues(error);
    return { ok: false, error: { code: 'VALIDATION_FAILED', messageKey: 'errors.VALIDATION_FAILED', details: { issues } } };
  }
  return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } };
};
