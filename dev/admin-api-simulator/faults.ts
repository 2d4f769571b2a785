import type { EndpointClass } from './http/route';
import { Rng } from './rng';

/**
 * Injected faults: `rate-limit` answers 429 (the route's 429 body, X-RateLimit-Remaining 0, Retry-After and
 * X-RateLimit-Reset `retryAfterSeconds` ahead; the bucket itself is untouched, so a burst is exactly as long as configured);
 * `server-error` answers `status` (500 by default; 502/503/504 with a ProxyError body); `slow` delays the answer by
 * `delayMs`; `malformed-json` sends a 200 whose body is cut off mid-JSON; `missing-fields` sends a 200 page without
 * its `data` field; `connection-reset` destroys the socket without answering.
 */
export type FaultKind = 'rate-limit' | 'server-error' | 'slow' | 'malformed-json' | 'missing-fields' | 'connection-reset';

/** When and where a fault strikes. A rule with neither `rate`, `calls` nor `from` strikes every matching call. */
export interface FaultRule {
  kind: FaultKind;
  /** Classes it applies to; all when absent. */
  endpoints?: EndpointClass[];
  /** Probability per matching call, drawn from the simulator's seeded generator. */
  rate?: number;
  /** 1-based call numbers within the endpoint class (see counters). */
  calls?: number[];
  /** A burst: calls `from` .. `from + count - 1` (count defaults to 1). */
  from?: number;
  count?: number;
  /** For server-error: 500 (default), 502, 503 or 504. */
  status?: number;
  /** For slow: extra delay in ms (default 2000). */
  delayMs?: number;
  /** For rate-limit: the Retry-After to announce, in seconds (default 1); null = send no Retry-After. */
  retryAfterSeconds?: number | null;
}

/** Decides which configured faults hit a call. */
export class FaultInjector {
  private readonly rng: Rng;

  /** @param rules the faults; @param seed makes rate-based faults reproducible. */
  constructor(private rules: FaultRule[], seed: string | number) {
    this.rng = new Rng(`${String(seed)}:faults`);
  }

  /** Replaces the rules (call numbers keep counting from the counters). */
  set(rules: FaultRule[]): void {
    this.rules = rules;
  }

  /** The rules that strike call number `call` of class `cls`. */
  select(cls: EndpointClass, call: number): FaultRule[] {
    return this.rules.filter((r) => {
      if (r.endpoints && !r.endpoints.includes(cls)) return false;
      const scheduled = r.calls !== undefined || r.from !== undefined;
      if (r.calls?.includes(call)) return true;
      if (r.from !== undefined && call >= r.from && call < r.from + (r.count ?? 1)) return true;
      if (scheduled) return false;
      return r.rate === undefined ? true : this.rng.next() < r.rate;
    });
  }
}
