import type { TickState } from '../../../../src/domain/ports/tickState';

/** What the hourly tick remembers, in memory. */
export class FakeTickState implements TickState {
  scheduledAt: Date | null = null;
  noticeFor: Date | null = null;
  lastScheduledSyncAt(): Promise<Date | null> {
    return Promise.resolve(this.scheduledAt);
  }
  setLastScheduledSyncAt(at: Date): Promise<void> {
    this.scheduledAt = at;
    return Promise.resolve();
  }
  lastExpiryNoticeFor(): Promise<Date | null> {
    return Promise.resolve(this.noticeFor);
  }
  setLastExpiryNoticeFor(expiresAt: Date): Promise<void> {
    this.noticeFor = expiresAt;
    return Promise.resolve();
  }
}
