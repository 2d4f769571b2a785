/**
 * The preview's "+1 day": moves the app's time forward (the runtime's clock, which the app's `Date` follows while
 * the preview runs) and lets the same time pass in the simulated organization, so a person can watch a task's notice
 * period pass without waiting.
 */
import type { AdminApiSimulator } from '../admin-api-simulator';
import type { ForgeRuntime } from '../forge-runtime';

const DAY = 86_400_000;

/** The preview's time as the toolbar shows it. */
export interface PreviewClockStatus {
  /** The app's "now" (ISO 8601). */
  now: string;
  /** Whole days the preview is ahead of real time. */
  daysAhead: number;
}

/** The preview's time. */
export const previewClock = (runtime: ForgeRuntime): PreviewClockStatus => ({
  now: new Date(runtime.clock.now()).toISOString(),
  daysAhead: Math.floor(runtime.clock.aheadMs / DAY),
});

/** Lets `days` pass for the app and the simulated organization at once. */
export const passDays = (parts: { runtime: ForgeRuntime; adminApi: AdminApiSimulator }, days: number): PreviewClockStatus => {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('preview: time moves forward by whole days');
  parts.runtime.clock.advance(days * DAY);
  parts.adminApi.state.passTime(days * DAY);
  return previewClock(parts.runtime);
};
