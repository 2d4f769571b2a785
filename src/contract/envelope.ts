import { z } from 'zod';

/**
 * Stable error codes (same list as the core's). The UI shows `messageKey` through i18next; codes are never
 * renamed once released.
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

/**
 * One problem with one field of a payload (VALIDATION_FAILED `details.issues`). `path` is dotted
 * (`inactivity.warningDays`, `protectedEmails.3`); `messageKey` is an i18next key (see messageKeys.ts);
 * `message` is a developer hint, never shown.
 */
export const validationIssueSchema = z.object({
  path: z.string(),
  messageKey: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

export const failureSchema = z.object({
  code: z.enum(errorCodes),
  /** `errors.<code>`: the text to show. */
  messageKey: z.string(),
  /** VALIDATION_FAILED: `{ issues: ValidationIssue[] }`; other codes may carry small facts (e.g. `retryAfterSeconds`). */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type Failure = z.infer<typeof failureSchema>;

/** The one response shape of every resolver (ARCHITECTURE §2). */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: Failure };

/** Parses an envelope whose data matches `data`; used by tests and by the UI to check what came back. */
export const envelopeSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: failureSchema })]);
