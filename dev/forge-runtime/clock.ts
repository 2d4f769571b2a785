/**
 * The runtime's clock: real time plus an offset that tests advance instead of sleeping (KVS TTLs,
 * queue delays and retries are measured on it).
 */
export class RuntimeClock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, as the runtime sees them. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the runtime's time forward without waiting. */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('forge-runtime: the clock only moves forward');
    this.offsetMs += ms;
  }

  /** Moves the runtime's time forward to `epochMs` if it is in the future. */
  advanceTo(epochMs: number): void {
    const delta = epochMs - this.now();
    if (delta > 0) this.advance(delta);
  }
}
