/**
 * Proof of holding a lock: its name and an opaque token that only this holder was given. The token is not a
 * secret, but it is the only thing that tells this holder's lock from the next holder's after a lease expired.
 */
export interface LockLease {
  readonly name: string;
  readonly token: string;
}

/**
 * A named lease so that duplicate scheduled ticks or double clicks do nothing. `acquire` returns null when someone
 * else holds the lock, else the lease; leases expire by themselves after `ttlSeconds`. `release` frees the lock only
 * while it is still held with that lease's token: a holder that outlived its TTL cannot free the lock of whoever
 * took it next, and releasing twice is harmless.
 */
export interface Lock {
  acquire(name: string, ttlSeconds: number): Promise<LockLease | null>;
  release(lease: LockLease): Promise<void>;
}
