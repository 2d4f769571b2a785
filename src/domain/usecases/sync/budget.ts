import { isDomainError } from '../../model/errors';

/** What a queue invocation knows about its own time (the consumer's `invocationRemainingTimeInMillis`). */
export interface SliceBudget {
  remainingMs(): number;
}

/**
 * The limits a sync run stays inside (ARCHITECTURE §5, docs/sync.md). A slice stops taking new work when its
 * remaining time drops under `safetyMarginMs`, or after `pagesPerSlice` API pages, or after
 * `fallbackCallsPerSlice` per-user last-active calls, whichever comes first, and pushes its continuation.
 */
export interface SyncLimits {
  safetyMarginMs: number;
  /** 200 pages = 20,000 users: 100,000 users take 5 slices of the users walk. */
  pagesPerSlice: number;
  /** At 200 calls/min (the endpoint's per-org limit) 2,000 calls take 10 minutes, inside a 900 s consumer. */
  fallbackCallsPerSlice: number;
  /** Users whose activity is missing read from the repository at a time. */
  fallbackBatch: number;
  /**
   * The activity stream reads the users the walk has stored so far while it walks (its early pass); tests switch
   * it off, and it then waits for the end of the walk.
   */
  earlyActivity: boolean;
  /** How long the activity stream waits for the walk to store more users, or to end (seconds). */
  activityWaitSeconds: number;
  /** Failed attempts of one step (5xx, timeouts, storage errors) before the run fails. */
  maxAttempts: number;
  /** Pushes one chain may make before the run parks and waits for the hourly tick (the queue allows 1000). */
  chainBudget: number;
  /** Longest delay the queue accepts for a push. */
  maxDelaySeconds: number;
  /** Delay after RATE_LIMITED when the error does not say when to retry. */
  rateLimitDelaySeconds: number;
  /** First retry delay after another error; doubles per attempt. */
  retryBaseDelaySeconds: number;
}

export const defaultSyncLimits: SyncLimits = {
  safetyMarginMs: 60_000,
  pagesPerSlice: 200,
  fallbackCallsPerSlice: 2_000,
  fallbackBatch: 50,
  earlyActivity: true,
  activityWaitSeconds: 10,
  maxAttempts: 5,
  chainBudget: 950,
  maxDelaySeconds: 900,
  rateLimitDelaySeconds: 60,
  retryBaseDelaySeconds: 30,
};

export const syncLimits = (overrides: Partial<SyncLimits> | undefined): SyncLimits => ({
  ...defaultSyncLimits,
  ...overrides,
});

/** The lock that keeps syncs one at a time, and its lease; the run table guards runs that outlive it. */
export const SYNC_LOCK = 'sync';
export const SYNC_LOCK_TTL_SECONDS = 3 * 60 * 60;
/** A running run that saved no checkpoint for this long lost its continuation; the hourly tick resumes it. */
export const STALL_AFTER_MS = 30 * 60 * 1000;
/** Users (and groups) per directory page, fixed by the Admin API. */
export const PAGE_SIZE = 100;
/** The users search filters on at most this many group ids per call. */
export const GROUP_CHUNK = 10;

const clamp = (seconds: number, limits: SyncLimits): number =>
  Math.min(limits.maxDelaySeconds, Math.max(1, Math.ceil(seconds)));

/** Seconds to wait after RATE_LIMITED: the error's `retryAt` / `retryAfterSeconds`, else the default, ≤ 900. */
export const rateLimitDelay = (error: unknown, now: Date, limits: SyncLimits): number => {
  const details = isDomainError(error) ? error.details : undefined;
  const retryAt = details?.retryAt;
  const after = details?.retryAfterSeconds;
  if (typeof after === 'number' && Number.isFinite(after)) return clamp(after, limits);
  const at = typeof retryAt === 'string' ? Date.parse(retryAt) : Number.NaN;
  if (!Number.isNaN(at)) return clamp((at - now.getTime()) / 1000, limits);
  return clamp(limits.rateLimitDelaySeconds, limits);
};

/** Seconds before retry number `attempt` (1, 2, ...) of a failed step: 30, 60, 120, ... ≤ 900. */
export const retryDelay = (attempt: number, limits: SyncLimits): number =>
  clamp(limits.retryBaseDelaySeconds * 2 ** Math.max(0, attempt - 1), limits);

/** The size of an organization, for the chain estimate. */
export interface SyncSize {
  users: number;
  groups: number;
  directories: number;
  /** Users whose activity the walk could not give (the fallback reads each one). */
  unknownActivity: number;
  projectRoleMembers: number;
  customers: number;
}

const pages = (items: number): number => Math.max(1, Math.ceil(items / PAGE_SIZE));

/**
 * An upper bound of the queue pushes a full sync makes without faults: one per slice. Page phases share slices
 * (a slice runs on into the next phase), so slices ≤ ⌈pages / pagesPerSlice⌉ + ⌈fallback / fallbackCallsPerSlice⌉
 * + 3 (rounding at the two phase boundaries around the fallback). Slices cut short by the time margin add to it.
 */
export const estimateChainPushes = (size: SyncSize, limits: SyncLimits = defaultSyncLimits): number => {
  const pageSteps =
    1 +
    size.directories * (pages(size.groups) + pages(size.users)) +
    pages(size.projectRoleMembers) +
    pages(size.customers);
  const fallbackSlices = Math.ceil(size.unknownActivity / limits.fallbackCallsPerSlice);
  return Math.ceil(pageSteps / limits.pagesPerSlice) + fallbackSlices + 3;
};
