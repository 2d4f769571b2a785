import type { Clock } from '../../domain/ports/clock';
import type { HeaderBag } from './backoff';
import type { PaceSettings } from './rateLimiter';

/** Every Admin API operation the client calls. */
export const operations = [
  'listOrgs',
  'listDirectories',
  'searchWorkspaces',
  'searchUsers',
  'searchGroups',
  'groupRoleAssignments',
  'lastActiveDates',
  'suspendUser',
  'restoreUser',
  'assignRole',
  'revokeRole',
  'removeGroupMember',
  'addGroupMember',
  'disableAccount',
  'enableAccount',
  'listApiKeys',
] as const;
export type Operation = (typeof operations)[number];

/**
 * Operations that act as one endpoint pair (suspend/restore, assign/revoke ...) are paced together: the
 * API may count them in one budget, and two pacers reading one budget would together overspend it.
 */
export const endpointClassOf = {
  listOrgs: 'orgs',
  listDirectories: 'directories',
  searchWorkspaces: 'workspaces',
  searchUsers: 'users-search',
  searchGroups: 'groups-search',
  groupRoleAssignments: 'group-role-assignments',
  lastActiveDates: 'last-active-dates',
  suspendUser: 'user-suspension',
  restoreUser: 'user-suspension',
  assignRole: 'user-roles',
  revokeRole: 'user-roles',
  removeGroupMember: 'group-memberships',
  addGroupMember: 'group-memberships',
  disableAccount: 'user-lifecycle',
  enableAccount: 'user-lifecycle',
  listApiKeys: 'api-keys',
} as const satisfies Record<Operation, string>;
export type EndpointClass = (typeof endpointClassOf)[Operation];

/** The subset of a `fetch` response the client reads (Node's and @forge/api's both fit). */
export interface FetchResponse {
  status: number;
  headers: HeaderBag;
  text(): Promise<string>;
}

/** The subset of `fetch` the client calls (Node's and @forge/api's both fit). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<FetchResponse>;

/** One finished attempt, for metrics (a sync run's `apiCalls`) and tests. */
export interface AttemptEvent {
  operation: Operation;
  method: string;
  path: string;
  attempt: number;
  /** HTTP status, or `network` when no response came (refused, reset, timed out). */
  status: number | 'network';
  /** Whether the attempt's outcome is retried. */
  willRetry: boolean;
}

/** Constructor options of the Admin API client. Only `apiKey` is required. */
export interface AdminApiOptions {
  /** Reads the org API key (the Forge secret); null means no key is configured (API_KEY_MISSING). */
  apiKey: () => Promise<string | null>;
  /**
   * For the stored key: when it expires, as saved with it (null when unknown). A 401 then says API_KEY_EXPIRED or
   * API_KEY_REVOKED; without it (a pasted key being checked) a 401 is API_KEY_REJECTED.
   */
  keyExpiry?: () => Promise<Date | null>;
  /** Default `https://api.atlassian.com`; a local simulator URL in tests and the preview. */
  baseUrl?: string;
  /** Default: `fetch` from @forge/api (Forge egress; Node's global fetch off-platform). */
  fetch?: FetchLike;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** Uniform [0, 1) source for backoff jitter. */
  random?: () => number;
  /** Attempts per request, first one included (default 6). */
  maxAttempts?: number;
  /** Full-jitter backoff for 5xx, network errors, malformed bodies and 429s without timing headers. */
  backoff?: { baseMs: number; capMs: number };
  /**
   * Longest single wait (a 429, or an endpoint closed until its reset) the client sits out; beyond it,
   * RATE_LIMITED with `retryAt` (default 90 s: a spent one-minute window plus slack). Use less in resolvers.
   */
  maxWaitMs?: number;
  /** Requests in flight at once across all endpoints (default 4). */
  maxConcurrency?: number;
  /**
   * For a client made for one resolver call: no attempt, backoff or wait starts later than this long after the
   * client was made, and each attempt's time-out is cut to what is left; then UPSTREAM_FAILED (or RATE_LIMITED), so
   * the page hears back in time and long retries are left to jobs. Default: none.
   */
  deadlineMs?: number;
  /** Abort an attempt that has not completed after this long; it is retried like a network error (default 30 s). */
  requestTimeoutMs?: number;
  /**
   * Added to every announced `X-RateLimit-Reset` before the client trusts the window to be fresh: covers
   * second-truncated ISO times and small clock skew (default 1 s).
   */
  resetSlackMs?: number;
  /** Pacing overrides per endpoint class (merged over the defaults). */
  pacing?: Partial<Record<EndpointClass, Partial<PaceSettings>>>;
  /** How long the API key read from `apiKey` is reused (default 60 s; a 401 re-reads it once). */
  keyCacheMs?: number;
  onAttempt?: (event: AttemptEvent) => void;
}

const basePace: PaceSettings = { perSecond: 5, headroom: 0.1, minIntervalMs: 50, resetSlackMs: 1000 };

/**
 * Starting pace per operation. Published limit: last-active-dates 200/min per org (we start at 3/s = 180/min),
 * also a ceiling. The rest are unpublished: 5/s until the `X-RateLimit-*` headers say otherwise (at most 20/s).
 */
export const defaultPace = (endpoint: EndpointClass): PaceSettings => {
  // A published limit is also a ceiling: the budget is the whole org's, so the client never goes faster.
  if (endpoint === 'last-active-dates') return { ...basePace, perSecond: 3, minIntervalMs: 334 };
  return basePace;
};

export const DEFAULT_BASE_URL = 'https://api.atlassian.com';
