import type { Clock } from '../../../../src/domain/ports/clock';
import type { JobMessage, JobQueue } from '../../../../src/domain/ports/jobQueue';
import { KillSwitch } from './killSwitch';

export interface Pushed { message: JobMessage; delaySeconds: number }
export interface Queued extends Pushed { availableAt: number }

/**
 * The platform queue: `pushed` is every message in push order, `pending` what is not delivered yet, due after its
 * delay on the clock; `takeNext` delivers the message due first. The next `failNext` pushes reject with `failure`;
 * `dieOnNextPush` kills the consumer at its next push, before the message reaches the queue.
 */
export class FakeQueue implements JobQueue {
  pending: Queued[] = [];
  pushed: Pushed[] = [];
  failNext = 0;
  failure: Error = new Error('queue unavailable');
  dieOnNextPush = false;
  constructor(private readonly clock: Clock, private readonly power: KillSwitch = new KillSwitch()) {}
  push(message: JobMessage, delaySeconds = 0): Promise<void> {
    if (this.dieOnNextPush) {
      this.dieOnNextPush = false;
      this.power.dead = true;
    }
    this.power.tick();
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(this.failure);
    }
    this.pushed.push({ message: structuredClone(message), delaySeconds });
    this.pending.push({ message: structuredClone(message), delaySeconds, availableAt: this.clock.now().getTime() + delaySeconds * 1000 });
    return Promise.resolve();
  }
  /** The message due first (FIFO among equals). */
  takeNext(): Queued | undefined {
    if (this.pending.length === 0) return undefined;
    const first = this.pending.reduce((a, b) => (b.availableAt < a.availableAt ? b : a));
    this.pending.splice(this.pending.indexOf(first), 1);
    return first;
  }
}
