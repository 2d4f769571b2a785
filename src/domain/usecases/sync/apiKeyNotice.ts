import { daysLeft, shouldSendSevenDayNotice } from '../../policy/apiKeyExpiry';
import type { Notifier } from '../../ports/notifier';
import type { SecretStore } from '../../ports/secretStore';
import type { TickState } from '../../ports/tickState';

export type ApiKeyNoticeResult = 'sent' | 'not-due' | 'no-key';

export interface ApiKeyNoticeDeps {
  secrets: SecretStore;
  tickState: TickState;
  notifier: Notifier;
}

/**
 * Sends the "API key expiring in 7 days" Automation notice (FEATURES S7) once per expiry date: the expiry it was
 * sent for is remembered after the notice went out, so a failed send is tried again on the next tick, and a
 * replaced key with a new expiry gets its own notice. The payload never carries the key.
 */
export const sendApiKeyNoticeIfDue = async (deps: ApiKeyNoticeDeps, now: Date): Promise<ApiKeyNoticeResult> => {
  const info = await deps.secrets.info();
  if (info === null) return 'no-key';
  const { expiresAt } = info;
  if (expiresAt === null) return 'not-due';
  if (!shouldSendSevenDayNotice(expiresAt, now, await deps.tickState.lastExpiryNoticeFor())) return 'not-due';
  await deps.notifier.notify('api-key-expiring', {
    orgId: info.orgId,
    orgName: info.orgName,
    expiresAt: expiresAt.toISOString(),
    daysLeft: daysLeft(expiresAt, now),
  });
  await deps.tickState.setLastExpiryNoticeFor(expiresAt);
  return 'sent';
};
