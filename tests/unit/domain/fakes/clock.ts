import type { Clock } from '../../../../src/domain/ports/clock';
import { NOW } from '../fixtures';

/** A clock that moves only when told (default start: the fixtures' NOW). */
export class FakeClock implements Clock {
  private t: number;
  constructor(at: Date = NOW) {
    this.t = at.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(at: Date): void {
    this.t = at.getTime();
  }
}
