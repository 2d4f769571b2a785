import { fetch as forgeFetch } from '@forge/api';
import type { Clock } from '../../domain/ports/clock';
import { DEFAULT_BASE_URL, type AdminApiOptions, type AttemptEvent, type EndpointClass, type FetchLike } from './config';
import type { PaceSettings } from './rateLimiter';

/** `AdminApiOptions` with every default filled in. */
export interface HttpSettings {
  baseUrl: string;
  fetch: FetchLike;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  maxAttempts: number;
  backoff: { baseMs: number; capMs: number };
  maxWaitMs: number;
  maxConcurrency: number;
  requestTimeoutMs: number;
  deadlineMs: number | undefined;
  resetSlackMs: number;
  pacing: Partial<Record<EndpointClass, Partial<PaceSettings>>>;
  keyCacheMs: number;
  keyExpiry: (() => Promise<Date | null>) | undefined;
  onAttempt: ((event: AttemptEvent) => void) | undefined;
}

const systemClock: Clock = { now: () => new Date() };
const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @forge/api's `fetch` is Node's global `fetch` (captured when @forge/api is loaded) behind a Route
 * unwrapper; on Forge, that global is the runtime's egress-checked fetch. It needs no `__forge_fetch__`.
 */
const defaultFetch: FetchLike = (url, init) => forgeFetch(url, init);

/** Fills in the defaults documented on `AdminApiOptions`. */
export const settings = (o: AdminApiOptions): HttpSettings => ({
  baseUrl: (o.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
  fetch: o.fetch ?? defaultFetch,
  clock: o.clock ?? systemClock,
  sleep: o.sleep ?? realSleep,
  random: o.random ?? Math.random,
  maxAttempts: Math.max(1, o.maxAttempts ?? 6),
  backoff: o.backoff ?? { baseMs: 1000, capMs: 60_000 },
  maxWaitMs: o.maxWaitMs ?? 90_000,
  maxConcurrency: Math.max(1, o.maxConcurrency ?? 4),
  requestTimeoutMs: o.requestTimeoutMs ?? 30_000,
  deadlineMs: o.deadlineMs,
  resetSlackMs: o.resetSlackMs ?? 1000,
  pacing: o.pacing ?? {},
  keyCacheMs: o.keyCacheMs ?? 60_000,
  keyExpiry: o.keyExpiry,
  onAttempt: o.onAttempt,
});
