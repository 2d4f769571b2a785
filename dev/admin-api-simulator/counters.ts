import { ENDPOINT_CLASSES, type EndpointClass } from './http/route';

/** Requests seen by one endpoint class. */
export interface EndpointCounter {
  requests: number;
  /** Answers by HTTP status. */
  statuses: Record<number, number>;
  /** Answers shaped by fault injection. */
  faults: number;
}

/** Counters of every class, for tests and benchmarks. */
export type CounterSnapshot = Record<EndpointClass, EndpointCounter>;

/** Per-endpoint request counters. */
export class Counters {
  private data = Counters.empty();

  private static empty(): CounterSnapshot {
    const out: Partial<CounterSnapshot> = {};
    for (const cls of ENDPOINT_CLASSES) out[cls] = { requests: 0, statuses: {}, faults: 0 };
    return out as CounterSnapshot;
  }

  /** Counts a new request and returns its 1-based call number within its class. */
  begin(cls: EndpointClass): number {
    this.data[cls].requests += 1;
    return this.data[cls].requests;
  }

  /** Records the status of an answer. */
  end(cls: EndpointClass, status: number, fault: boolean): void {
    const c = this.data[cls];
    c.statuses[status] = (c.statuses[status] ?? 0) + 1;
    if (fault) c.faults += 1;
  }

  /** A deep copy of the counters. */
  snapshot(): CounterSnapshot {
    return structuredClone(this.data);
  }

  /** Total requests of all classes. */
  total(): number {
    return ENDPOINT_CLASSES.reduce((n, cls) => n + this.data[cls].requests, 0);
  }

  /** Back to zero (call numbers for fault rules restart too). */
  reset(): void {
    this.data = Counters.empty();
  }
}
