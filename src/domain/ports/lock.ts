/**
 * A named lease so that duplicate scheduled ticks or double clicks do nothing. `acquire` returns
 * false when someone else holds the lock; leases expire by themselves after `ttlSeconds`.
 */
export interface Lock {
  acquire(name: string, ttlSeconds: number): Promise<boolean>;
  release(name: string): Promise<void>;
}
