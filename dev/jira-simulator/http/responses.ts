import type { HandlerResult } from './types';

/** A 200 JSON answer. */
export const ok = (body: unknown): HandlerResult => ({ status: 200, body });

/** A status without a body (what the Jira document declares for most of these operations' errors). */
export const bare = (status: number): HandlerResult => ({ status });

/** Jira's `ErrorCollection` body. */
export const jiraError = (status: number, message: string): HandlerResult => ({
  status,
  body: { errorMessages: [message], errors: {} },
});

/** JSM's `ErrorResponse` body. */
export const jsmError = (status: number, message: string, i18nKey: string): HandlerResult => ({
  status,
  body: { errorMessage: message, i18nErrorMessage: { i18nKey, parameters: [] } },
});

/** The error body of either family, for answers the pipeline makes itself (429, injected 5xx). */
export const familyError = (family: 'jira' | 'jsm', status: number, message: string): HandlerResult =>
  family === 'jira' ? jiraError(status, message) : jsmError(status, message, `sd.error.${String(status)}`);

/**
 * A non-negative integer query parameter: the default when absent, null when present but not an integer
 * (the caller answers 400).
 */
export const intParam = (query: URLSearchParams, name: string, fallback: number): number | null => {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) return null;
  return Number(raw);
};
