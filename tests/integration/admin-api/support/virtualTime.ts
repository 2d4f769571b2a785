import type { FetchLike } from '../../../../src/adapters/admin-api';

/**
 * Discrete-event virtual time for client + simulator tests. `sleep` parks the caller; time jumps to the
 * earliest parked wake-up only when no HTTP exchange is on the wire (so a request is stamped by the
 * simulator at the virtual time it was sent). Minutes of paced traffic run in a second of real time.
 */
export class VirtualTime {
  private current: number;
  private readonly sleepers: { at: number; seq: number; wake: () => void }[] = [];
  private onWire = 0;
  private seq = 0;
  private scheduled = false;
  /** Every sleep asked for, in ms (tests read backoff and pacing waits from it). */
  readonly sleeps: number[] = [];

  constructor(start = Date.parse('2026-06-01T00:00:00.000Z')) {
    this.current = start;
  }

  readonly now = (): number => this.current;

  readonly clock = { now: (): Date => new Date(this.current) };

  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise((resolve) => {
      this.sleepers.push({ at: this.current + Math.max(0, ms), seq: this.seq++, wake: resolve });
      this.schedule();
    });
  };

  /** Wraps a fetch so that its exchanges (body included) hold virtual time still. */
  wrap(fetch: FetchLike): FetchLike {
    return async (url, init) => {
      this.onWire += 1;
      try {
        const response = await fetch(url, init);
        const text = await response.text();
        return { status: response.status, headers: response.headers, text: () => Promise.resolve(text) };
      } finally {
        this.onWire -= 1;
        this.schedule();
      }
    };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.tick();
    });
  }

  private tick(): void {
    if (this.onWire > 0 || this.sleepers.length === 0) return;
    this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = this.sleepers.shift();
    if (!next) return;
    this.current = Math.max(this.current, next.at);
    next.wake();
    this.schedule();
  }
}
