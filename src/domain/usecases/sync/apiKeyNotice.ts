import type { AuditEntry } from '../../model/audit';
import { daysLeft, shouldSendSevenDayNotice } from '../../policy/apiKeyExpiry';
import type { AuditLog } from '../../ports/auditLog';
import type { Notifier } from '../../ports/notifier';
import type { ApiKeyInfo, SecretStore } from '../../ports/secretStore';
import { stableHash } from '../bulk/stableId';

export type ApiKeyNoticeResult = 'sent' | 'not-due' | 'no-key' | 'no-target';

export interface ApiKeyNoticeDeps {
  secrets: SecretStore;
  audit: Pick<AuditLog, 'append' | 'query'>;
  notifier: Notifier;
}

/**
 * Which key a notice is about: a hash of its last four characters and its expiry (a replaced key, or a corrected
 * expiry, is another). Hashed, because the key names the event in payloads and the audit log, and no part of the
 * key may leave the app.
 */
const keyOf = (info: ApiKeyInfo, expiresAt: Date): string => stableHash(`${info.lastFour}@${expiresAt.toISOString()}`);

/** The audit entry of a sent notice; its id is derived from the key, so recording it twice keeps one. */
const noticeEntry = (info: ApiKeyInfo, expiresAt: Date, days: number, now: Date): AuditEntry => ({
  id: `api-key-notice-${keyOf(info, expiresAt)}`,
  at: now,
  actor: { kind: 'system' },
  action: 'api-key.expiry-notice',
  targetAccountId: null,
  outcome: 'succeeded',
  reason: null,
  details: { expiresAt: expiresAt.toISOString(), daysLeft: days, key: keyOf(info, expiresAt) },
  jobId: null,
});

/** The expiry the newest notice was about, when it was about this same key; null otherwise. */
const lastNoticeFor = async (audit: ApiKeyNoticeDeps['audit'], info: ApiKeyInfo, expiresAt: Date): Promise<Date | null> => {
  const { items } = await audit.query({ actions: ['api-key.expiry-notice'], limit: 1, after: null });
  const details = items[0]?.details;
  const at = details?.expiresAt;
  if (typeof at !== 'string') return null;
  // Notices recorded before the key was part of them name only the expiry.
  const key = details?.key;
  return key === undefined || key === keyOf(info, expiresAt) ? new Date(at) : null;
};

/**
 * Sends the `api-key-expiring` Automation webhook (FEATURES S7) once per key when 7 days or fewer are left — for an
 * expiry Atlassian reported or one the admin entered, and again for a replacement key (or corrected expiry) that is
 * itself close to expiry. The notice is queued to every target of the trigger, then recorded in the audit log
 * (`api-key.expiry-notice`), so a tick that fails before recording tries again and a later one sends nothing. With
 * no target configured nothing is recorded: a target added within the 7 days still gets the notice. The payload
 * never carries the key.
 */
export const sendApiKeyNoticeIfDue = async (deps: ApiKeyNoticeDeps, now: Date): Promise<ApiKeyNoticeResult> => {
  const info = await deps.secrets.info();
  if (info === null) return 'no-key';
  const { expiresAt } = info;
  if (expiresAt === null) return 'not-due';
  if (!shouldSendSevenDayNotice(expiresAt, now, await lastNoticeFor(deps.audit, info, expiresAt))) return 'not-due';
  const days = daysLeft(expiresAt, now);
  const queued = await deps.notifier.notify({
    trigger: 'api-key-expiring',
    key: `api-key-expiring:${keyOf(info, expiresAt)}`,
    apiKey: { name: info.label ?? null, expiresAt, daysLeft: days, expirySource: info.expirySource },
  });
  if (queued === 0) return 'no-target';
  await deps.audit.append([noticeEntry(info, expiresAt, days, now)]);
  return 'sent';
};
