import { daysLeft, expiryStatus, type ExpiryStatus } from '../../policy/apiKeyExpiry';
import type { ApiKeyInfo } from '../../ports/secretStore';

/** What the settings page shows about the key (S1): never the key itself. */
export interface ApiKeyView {
  orgId: string;
  orgName: string;
  lastFour: string;
  expiresAt: Date | null;
  expirySource: ApiKeyInfo['expirySource'];
  daysLeft: number | null;
  expiryStatus: ExpiryStatus;
}

/** The key's public facts with days left and the banner state at `now`. */
export const toApiKeyView = (info: ApiKeyInfo, now: Date): ApiKeyView => ({
  orgId: info.orgId,
  orgName: info.orgName,
  lastFour: info.lastFour,
  expiresAt: info.expiresAt,
  expirySource: info.expirySource,
  daysLeft: info.expiresAt === null ? null : daysLeft(info.expiresAt, now),
  expiryStatus: expiryStatus(info.expiresAt, now),
});
