import { SeededRandom } from '../rng';

/** Log-normal latency around a median: most answers near it, a few slow ones. */
export interface LatencyOptions {
  medianMs: number;
  /** Standard deviation of the underlying normal (default 0.25). */
  spread?: number;
}

/** Waits a seeded, log-normally distributed time before each answer. */
export class Latency {
  private readonly rng: SeededRandom;

  constructor(
    private readonly options: LatencyOptions | undefined,
    seed: number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {
    this.rng = new SeededRandom(seed ^ 0x5eed);
  }

  /** Resolves after the next drawn latency (at once when latency is off). */
  async wait(): Promise<void> {
    const o = this.options;
    if (!o || o.medianMs <= 0) return;
    const u = Math.max(1e-9, this.rng.next());
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.rng.next());
    await this.sleep(Math.round(o.medianMs * Math.exp((o.spread ?? 0.25) * normal)));
  }
}
