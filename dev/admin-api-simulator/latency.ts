import { Rng } from './rng';

/** Latency model: lognormal around a median. `medianMs: 0` (the default) means no delay at all. */
export interface LatencyOptions {
  medianMs: number;
  /** Spread of the lognormal (sigma of the underlying normal). Default 0.5. */
  sigma?: number;
  /** Upper bound on one delay. Default 10 s. */
  maxMs?: number;
}

/** Draws per-request delays from a seeded lognormal. */
export class LatencyModel {
  private readonly rng: Rng;

  /** @param options the model; @param seed makes the sequence of delays reproducible. */
  constructor(private options: LatencyOptions, seed: string | number) {
    this.rng = new Rng(`${String(seed)}:latency`);
  }

  /** Replaces the model (e.g. a benchmark switching to realistic latency). */
  set(options: LatencyOptions): void {
    this.options = options;
  }

  /** The next delay in ms. */
  next(): number {
    const { medianMs, sigma = 0.5, maxMs = 10_000 } = this.options;
    if (medianMs <= 0) return 0;
    return Math.min(maxMs, Math.round(medianMs * Math.exp(sigma * this.rng.normal())));
  }
}
