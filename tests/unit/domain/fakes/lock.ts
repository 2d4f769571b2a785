import type { Clock } from '../../../../src/domain/ports/clock';
import type { Lock, LockLease } from '../../../../src/domain/ports/lock';
import { KillSwitch } from './killSwitch';

/** Like the KVS lock: a lease with a TTL and a token; release frees the lock only for the token's holder. */
export class FakeLock implements Lock {
  leases = new Map<string, { token: string; until: number }>();
  private issued = 0;
  constructor(private readonly clock: Clock, private readonly power: KillSwitch = new KillSwitch()) {}
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
  /** Someone else takes the lock `name` with `token` (for an hour unless told). */
  hold(name: string, token: string, ttlSeconds = 3600): void {
    this.leases.set(name, { token, until: this.clock.now().getTime() + ttlSeconds * 1000 });
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
