import type { AuditEntry } from '../../model/audit';
import { daysLeft, shouldSendSevenDayNotice } from '../../policy/apiKeyExpiry';
import type { AuditLog } from '../../ports/auditLog';
import type { Notifier } from '../../ports/notifier';
import type { SecretStore } from '../../ports/secretStore';

export type ApiKeyNoticeResult = 'sent' | 'not-due' | 'no-key';

export interface ApiKeyNoticeDeps {
  secrets: SecretStore;
  audit: Pick<AuditLog, 'append' | 'query'>;
  notifier: Notifier;
}

/** The audit entry of a sent notice; its id is derived from the expiry, so recording it twice keeps one. */
const noticeEntry = (expiresAt: Date, days: number, now: Date): AuditEntry => ({
  id: `api-key-notice-${String(expiresAt.getTime())}`,
  at: now,
  actor: { kind: 'system' },
  action: 'api-key.expiry-notice',
  targetAccountId: null,
  outcome: 'succeeded',
  reason: null,
  details: { expiresAt: expiresAt.toISOString(), daysLeft: days },
  jobId: null,
});

/** The expiry the newest notice in the audit log was about, or null before the first. */
const lastNoticeFor = async (audit: ApiKeyNoticeDeps['audit']): Promise<Date | null> => {
  const { items } = await audit.query({ actions: ['api-key.expiry-notice'], limit: 1, after: null });
  const at = items[0]?.details.expiresAt;
  return typeof at === 'string' ? new Date(at) : null;
};

/**
 * Sends the "API key expiring in 7 days" Automation notice (FEATURES S7) once per expiry date. A sent notice is
 * recorded in the audit log (`api-key.expiry-notice`, the expiry in its details) after it went out, so a failed send
 * is tried again on the next tick, and a replaced key with a new expiry gets its own notice. The payload never
 * carries the key.
 */
export const sendApiKeyNoticeIfDue = async (deps: ApiKeyNoticeDeps, now: Date): Promise<ApiKeyNoticeResult> => {
  const info = await deps.secrets.info();
  if (info === null) return 'no-key';
  const { expiresAt } = info;
  if (expiresAt === null) return 'not-due';
  if (!shouldSendSevenDayNotice(expiresAt, now, await lastNoticeFor(deps.audit))) return 'not-due';
  const days = daysLeft(expiresAt, now);
  await deps.notifier.notify('api-key-expiring', { orgId: info.orgId, orgName: info.orgName, expiresAt: expiresAt.toISOString(), daysLeft: days });
  await deps.audit.append([noticeEntry(expiresAt, days, now)]);
  return 'sent';
};
