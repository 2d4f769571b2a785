/**
 * The i18next keys (besides `errors.<code>`) that resolver responses carry, so locales/en-US.json can hold them all.
 * Each builder returns the exact key a response uses.
 */
export const messageKeys = {
  error: (code: string): string => `errors.${code}`,
  /** VALIDATION_FAILED issue: `validation.<zod issue code>` (too_small, invalid_type, ...) or a named rule below. */
  validation: (rule: string): string => `validation.${rule}`,
  auditAction: (action: string): string => `audit.actions.${action}`,
  /** Skip reasons of plans and results (protected, not-managed, ...), also used as audit reasons. */
  bulkReason: (reason: string): string => `bulk.reasons.${reason}`,
  bulkMethod: (method: string): string => `bulk.methods.${method}`,
  bulkSucceeded: 'bulk.outcomes.succeeded',
  syncPhase: (phase: string): string => `sync.phases.${phase}`,
  savingAssumptions: [
    'dashboard.saving.assumptions.overdueOnly',
    'dashboard.saving.assumptions.onePerSeat',
    'dashboard.saving.assumptions.pricesFromSettings',
  ],
} as const;

/**
 * Named validation rules (`validation.<rule>`) the settings and bulk use cases report, beyond zod's own issue codes
 * (`validation.too_small`, `validation.too_big`, `validation.invalid_type`, `validation.invalid_value`,
 * `validation.invalid_format`, `validation.unrecognized_keys`, `validation.invalid_union`, `validation.custom`).
 */
export const validationRules = [
  'threshold.not-a-choice',
  'threshold.warning-not-below-overdue',
  'sync.hour-out-of-range',
  'sync.unknown-time-zone',
  'protectedEmail.empty',
  'protectedEmail.too-long',
  'protectedEmail.missing-at',
  'protectedEmail.multiple-at',
  'protectedEmail.invalid-local-part',
  'protectedEmail.invalid-domain',
  'protectedEmail.wildcard-in-domain',
  'protectedEmail.duplicate',
  'seatPrice.out-of-range',
  'seatCurrency.unknown',
  'language.unknown',
  'apiKey.org-not-visible',
  'bulk.selection-too-large',
  'bulk.no-such-job',
  'bulk.retry-other-action',
  'sync.group-memberships-need-groups',
] as const;
