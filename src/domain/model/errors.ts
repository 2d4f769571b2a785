/**
 * Typed domain errors with stable codes. The resolver boundary maps a code to a translated
 * message key (`errors.<code>`), so codes must never be renamed once released.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'LICENSE_LIMIT_REACHED',
  'FORBIDDEN',
  'NOT_JIRA_ADMIN',
  'ROLE_NOT_ALLOWED',
  'API_KEY_MISSING',
  'API_KEY_REJECTED',
  'API_KEY_FORBIDDEN',
  'RATE_LIMITED',
  'UPSTREAM_FAILED',
  'PROTECTED_EMAIL_INVALID',
  'TIME_SLOT_INVALID',
  'TIME_SLOT_CLASHES_WITH_SYNC',
  'LOCK_HELD',
  'STORAGE_LIMIT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  /** The i18next key under which the UI finds the translated text for this error. */
  get messageKey(): string {
    return `errors.${this.code}`;
  }
}

export const isDomainError = (value: unknown): value is DomainError => value instanceof DomainError;
