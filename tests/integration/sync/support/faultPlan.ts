import type { EndpointClass, FaultRule } from '../../../../dev/admin-api-simulator';
import type { SyncLimits } from '../../../../src/domain/usecases/sync/budget';
import type { KillMode } from './syncRig';
import { seeded } from '../../../support/seeded';
import type { OrgPlan } from './simulators';

/** Everything one seed decides: the org, its faults, the sync's slice limits, and where the consumer dies. */
export interface SeedPlan {
  org: OrgPlan;
  limits: Partial<SyncLimits>;
  timeZone: string;
  /** The consumer invocation that makes this request (counted from the start of the run) is killed; null: none. */
  killAt: number | null;
  killMode: KillMode;
  /** A short description for failure messages. */
  summary: string;
}

const READS: EndpointClass[] = ['workspaces', 'directories', 'groups-search', 'group-role-assignments', 'users-search', 'last-active-dates'];
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Chatham'];

/** A seeded fault plan: 429 storms (injected and genuine), 5xx, slow answers, malformed pages, resets, a kill. */
export const planFor = (seed: number): SeedPlan => {
  const r = seeded(seed * 7919 + 13);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const chance = (p: number): boolean => r() < p;
  const endpoints = (): EndpointClass[] => [pick(READS), pick(READS)];
  const faults: FaultRule[] = [];
  const kinds: string[] = [];
  if (chance(0.6)) {
    // A 429 storm: a burst of answers, with a Retry-After the client sits out (≤ 90 s) or hands to the queue.
    faults.push({ kind: 'rate-limit', endpoints: endpoints(), from: int(1, 6), count: int(1, 12), retryAfterSeconds: pick([1, 5, 30, 120, 600, null]) });
    kinds.push('429-storm');
  }
  if (chance(0.5)) {
    faults.push({ kind: 'server-error', endpoints: endpoints(), rate: 0.02 + r() * 0.1, status: pick([500, 502, 503, 504]) });
    kinds.push('5xx');
  }
  if (chance(0.3)) {
    // An outage longer than the client's retries: the step (or one user's fallback read) fails and is retried later.
    faults.push({ kind: 'server-error', endpoints: endpoints(), from: int(1, 8), count: int(4, 14), status: 503 });
    kinds.push('outage');
  }
  if (chance(0.3)) {
    faults.push({ kind: 'slow', endpoints: endpoints(), from: int(1, 4), count: int(1, 2), delayMs: pick([60, 400]) });
    kinds.push('slow');
  }
  if (chance(0.4)) {
    faults.push({ kind: pick(['malformed-json', 'missing-fields'] as const), endpoints: endpoints(), from: int(1, 5), count: int(1, 3) });
    kinds.push('malformed');
  }
  if (chance(0.2)) {
    faults.push({ kind: 'connection-reset', endpoints: endpoints(), from: int(1, 5), count: int(1, 2) });
    kinds.push('reset');
  }
  const adminLimits: OrgPlan['adminLimits'] = chance(0.25) ? { [pick(READS)]: int(20, 120) } : {};
  if (Object.keys(adminLimits).length > 0) kinds.push('tight-limit');
  const jiraStorm = chance(0.4);
  if (jiraStorm) kinds.push('jira-storm');
  const killAt = chance(0.7) ? int(1, 220) : null;
  const killMode: KillMode = chance(0.5) ? 'drop' : 'redeliver';
  if (killAt !== null) kinds.push(`kill@${String(killAt)}:${killMode}`);
  const org: OrgPlan = {
    seed,
    users: int(50, 300),
    directories: chance(0.2) ? 2 : 1,
    sites: chance(0.3) ? 2 : 1,
    projects: int(2, 8),
    serviceDesks: int(1, 2),
    organizations: int(1, 4),
    adminFaults: faults,
    adminLimits,
    jiraFaults: jiraStorm ? { seed, burstRate: 0.05, burstLength: [1, 4], serverErrorRate: 0.03, retryAfterSeconds: pick([1, 45]) } : {},
    jiraRateLimit: chance(0.3) ? { perMinute: 120, burst: 10 } : false,
  };
  const limits: Partial<SyncLimits> = {
    pagesPerSlice: int(1, 4),
    fallbackCallsPerSlice: int(3, 40),
    fallbackBatch: int(2, 20),
    safetyMarginMs: 1_000,
    chainBudget: chance(0.2) ? int(2, 6) : 950,
  };
  return {
    org, limits, timeZone: pick(ZONES), killAt, killMode,
    summary: `${String(org.users)} users, ${String(org.directories)} dir, ${kinds.join(' ') || 'no faults'}`,
  };
};
