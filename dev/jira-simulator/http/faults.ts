import { SeededRandom } from '../rng';
import type { Operation } from './types';

/** Random faults, drawn from their own seeded generator so a seed replays the same storm. */
export interface FaultOptions {
  seed?: number;
  /** Probability that a request answers a 5xx (default 0). */
  serverErrorRate?: number;
  /** The 5xx statuses drawn from (default 500, 502, 503, 504). */
  serverErrorStatuses?: readonly number[];
  /** Probability that a request starts a 429 burst (default 0). */
  burstRate?: number;
  /** Requests a burst answers with 429, this one included (default [2, 5]). */
  burstLength?: readonly [number, number];
  /** `Retry-After` seconds during a burst (default 1). */
  retryAfterSeconds?: number;
}

/** A scripted fault: the next `times` matching requests answer `status`. */
export interface ScriptedFault {
  status: number;
  times: number;
  /** Only requests of this operation (default: any). */
  operation?: Operation;
  /** For 429: the `Retry-After` seconds (default 1). */
  retryAfterSeconds?: number;
}

/** The fault a request receives, if any. */
export interface FaultDecision {
  status: number;
  retryAfterSeconds: number;
}

/** Decides, per request, whether a fault replaces the real answer. */
export class FaultInjector {
  private readonly rng: SeededRandom;
  private readonly scripted: ScriptedFault[] = [];
  private burstLeft = 0;

  constructor(private readonly o: FaultOptions = {}) {
    this.rng = new SeededRandom(o.seed ?? 7);
  }

  /** Queues a scripted fault (served before random ones, in the order queued). */
  inject(fault: ScriptedFault): void {
    if (fault.times > 0) this.scripted.push({ ...fault });
  }

  /** The fault for the next request of `operation`, or null. */
  next(operation: Operation): FaultDecision | null {
    const i = this.scripted.findIndex((f) => f.operation === undefined || f.operation === operation);
    const scripted = this.scripted[i];
    if (scripted) {
      scripted.times -= 1;
      if (scripted.times === 0) this.scripted.splice(i, 1);
      return { status: scripted.status, retryAfterSeconds: scripted.retryAfterSeconds ?? 1 };
    }
    const retryAfterSeconds = this.o.retryAfterSeconds ?? 1;
    if (this.burstLeft > 0) {
      this.burstLeft -= 1;
      return { status: 429, retryAfterSeconds };
    }
    if (this.rng.chance(this.o.burstRate ?? 0)) {
      const [min, max] = this.o.burstLength ?? [2, 5];
      this.burstLeft = this.rng.int(min, max) - 1;
      return { status: 429, retryAfterSeconds };
    }
    if (this.rng.chance(this.o.serverErrorRate ?? 0)) {
      return { status: this.rng.pick(this.o.serverErrorStatuses ?? [500, 502, 503, 504]), retryAfterSeconds: 0 };
    }
    return null;
  }
}
