/**
 * The little the hourly tick remembers between ticks (KVS). Both values are instants; null before the first time.
 */
export interface TickState {
  /** When the tick last started the scheduled daily sync: the `lastRunAt` of the sync slot. */
  lastScheduledSyncAt(): Promise<Date | null>;
  setLastScheduledSyncAt(at: Date): Promise<void>;
  /** The key expiry the last "API key expiring" notice was about, so each expiry is announced once. */
  lastExpiryNoticeFor(): Promise<Date | null>;
  setLastExpiryNoticeFor(expiresAt: Date): Promise<void>;
}
