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
 * Maps any thrown value to a failure envelope, once, at the boundary. Unexpected errors become
 * INTERNAL without their message: it may carry data that must not reach the browser.
 */
export const failure = (error: unknown): Envelope<never> => {
  if (error instanceof DomainError) {
    const result: Failure = { code: error.code, messageKey: error.messageKey };
    return { ok: false, error: error.details ? { ...result, details: { ...error.details } } : result };
  }
  if (error instanceof ZodError) {
    const issues = toValidationIssues(error);
    return { ok: false, error: { code: 'VALIDATION_FAILED', messageKey: 'errors.VALIDATION_FAILED', details: { issues } } };
  }
  return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } };
};
