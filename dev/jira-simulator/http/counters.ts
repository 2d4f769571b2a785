import { OPERATIONS, type Operation } from './types';

/** Requests one operation received, by answered status. */
export interface OperationCount {
  requests: number;
  byStatus: Record<string, number>;
}

/** Request counts per operation (`unrouted` for paths the simulator does not serve). */
export class Counters {
  private readonly counts = new Map<Operation | 'unrouted', OperationCount>();

  /** Counts one answered request. */
  add(operation: Operation | null, status: number): void {
    const key = operation ?? 'unrouted';
    const entry = this.counts.get(key) ?? { requests: 0, byStatus: {} };
    entry.requests += 1;
    entry.byStatus[String(status)] = (entry.byStatus[String(status)] ?? 0) + 1;
    this.counts.set(key, entry);
  }

  /** A copy of the counts; operations never called are present with zero requests. */
  snapshot(): Record<Operation | 'unrouted', OperationCount> {
    const out = {} as Record<Operation | 'unrouted', OperationCount>;
    for (const key of [...OPERATIONS, 'unrouted' as const]) {
      const entry = this.counts.get(key);
      out[key] = { requests: entry?.requests ?? 0, byStatus: { ...(entry?.byStatus ?? {}) } };
    }
    return out;
  }

  /** Total requests answered. */
  total(): number {
    let n = 0;
    for (const entry of this.counts.values()) n += entry.requests;
    return n;
  }
}
