import type { AuditEntry } from '../../../../src/domain/model/audit';
import type { AuditLog } from '../../../../src/domain/ports/auditLog';
import type { Clock } from '../../../../src/domain/ports/clock';
import type { JobMessage, JobQueue } from '../../../../src/domain/ports/jobQueue';
import type { Lock, LockLease } from '../../../../src/domain/ports/lock';
import type { KillSwitch } from './faults';

export class FakeClock implements Clock {
  constructor(private t: number) {}
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

/** A KVS lease: held until released or until its TTL passes on the fake clock. */
/** Like the KVS lock: a lease with a TTL and a token; release frees the lock only for the token's holder. */
export class FakeLock implements Lock {
  leases = new Map<string, { token: string; until: number }>();
  private issued = 0;
  constructor(private readonly clock: Clock, private readonly power: KillSwitch) {}
  acquire(name: string, ttlSeconds: number): Promise<LockLease | null> {
    this.power.tick();
    if (this.isHeld(name)) return Promise.resolve(null);
    const token = `lease-${String(++this.issued)}`;
    this.leases.set(name, { token, until: this.clock.now().getTime() + ttlSeconds * 1000 });
    return Promise.resolve({ name, token });
  }
  release(lease: LockLease): Promise<void> {
    this.power.tick();
    if (this.holder(lease.name) === lease.token) this.leases.delete(lease.name);
    return Promise.resolve();
  }
  isHeld(name: string): boolean {
    return this.holder(name) !== null;
  }
  /** The token of the live lease on `name`, or null. */
  holder(name: string): string | null {
    const lease = this.leases.get(name);
    return lease !== undefined && lease.until > this.clock.now().getTime() ? lease.token : null;
  }
}

export interface Queued { message: JobMessage; delaySeconds: number; availableAt: number }

export class FakeQueue implements JobQueue {
  pending: Queued[] = [];
  pushed: Queued[] = [];
  failNext = 0;
  /** The consumer dies at the next push (before it reaches the queue). */
  dieOnNextPush = false;
  constructor(private readonly clock: Clock, private readonly power: KillSwitch) {}
  push(message: JobMessage, delaySeconds = 0): Promise<void> {
    if (this.dieOnNextPush) {
      this.dieOnNextPush = false;
      this.power.dead = true;
    }
    this.power.tick();
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new Error('queue unavailable'));
    }
    const queued = { message: structuredClone(message), delaySeconds, availableAt: this.clock.now().getTime() + delaySeconds * 1000 };
    this.pending.push(queued);
    this.pushed.push(queued);
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

/** Append-only and idempotent by id, like the SQL audit log. */
export class FakeAuditLog implements AuditLog {
  entries = new Map<string, AuditEntry>();
  constructor(private readonly power: KillSwitch) {}
  append(entries: readonly AuditEntry[]): Promise<void> {
    this.power.tick();
    for (const e of entries) if (!this.entries.has(e.id)) this.entries.set(e.id, structuredClone(e));
    return Promise.resolve();
  }
  query = (): Promise<never> => Promise.reject(new Error('not used by the sync'));
  writeItemEntries = (): Promise<never> => Promise.reject(new Error('not used by the sync'));
}
