import { randomUUID } from 'node:crypto';
import { kvs, MetadataField } from '@forge/kvs';
import { z } from 'zod';
import { DomainError } from '../../domain/model/errors';
import type { Lock, LockLease } from '../../domain/ports/lock';
import { isKeyConflict, kvsCall, kvsError } from './kvsErrors';
import { kvsKeys } from './kvsKeys';

const NAME = /^[a-zA-Z0-9:._-]{1,200}$/;

/**
 * A lease with less than this left is not deleted on release but left to expire: see {@link KvsLock.release}.
 * Far longer than a KVS round trip, far shorter than any lease the app takes (120 s and up).
 */
export const RELEASE_MARGIN_MS = 5_000;

/** The stored lock: when it was taken and its owner's token. */
const storedLockSchema = z.object({ acquiredAt: z.string(), token: z.string().min(1) });

/**
 * Locks as KVS keys written with `FAIL_IF_EXISTS` and a TTL: the write is atomic, so exactly one of
 * several concurrent `acquire` calls wins, and a holder that dies frees the lock when the TTL runs out.
 * Each acquire stores a fresh random token with the lock and hands it back in the lease.
 */
export class KvsLock implements Lock {
  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly newToken: () => string = randomUUID,
  ) {}

  async acquire(name: string, ttlSeconds: number): Promise<LockLease | null> {
    if (!NAME.test(name)) throw new DomainError('VALIDATION_FAILED', 'Invalid lock name', { field: 'name' });
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
      throw new DomainError('VALIDATION_FAILED', 'ttlSeconds must be a positive integer', { field: 'ttlSeconds' });
    }
    const token = this.newToken();
    try {
      await kvs.set(
        kvsKeys.lock(name),
        { acquiredAt: this.now().toISOString(), token },
        { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: ttlSeconds, unit: 'SECONDS' } },
      );
      return { name, token };
    } catch (error) {
      if (isKeyConflict(error)) return null;
      throw kvsError('acquire lock', error);
    }
  }

  /**
   * Deletes the lock only while it still carries the lease's token (a value without one is nobody's: it lapses). Plain KVS keys have no conditional delete
   * (transaction conditions apply to custom entities only), so this reads the key, compares, then deletes. The
   * window left: if the lease expires between the read and the delete and another caller acquires the lock in
   * that instant, the delete removes the new holder's lock. It is narrowed by reading the key's expiry with it and
   * not deleting a lease with less than {@link RELEASE_MARGIN_MS} left (it lapses on its own within seconds), so the
   * delete can only hit a newer lock if the two KVS calls together take longer than that margin (less by however
   * far the function's clock lags the store's). Two concurrent releases of the same lease (a slice delivered twice
   * at once) could race the same way; a second release after the first finds no token of its own and does nothing.
   */
  async release(lease: LockLease): Promise<void> {
    if (!NAME.test(lease.name)) return;
    const key = kvsKeys.lock(lease.name);
    const stored = await kvsCall('read lock', () => kvs.get<unknown>(key, { metadataFields: [MetadataField.EXPIRE_TIME] }));
    if (stored === undefined) return;
    const parsed = storedLockSchema.safeParse(stored.value);
    if (!parsed.success || parsed.data.token !== lease.token) return;
    if (this.expiresWithinMargin(stored.expireTime)) return;
    await kvsCall('release lock', () => kvs.delete(key));
  }

  private expiresWithinMargin(expireTime: string | undefined): boolean {
    if (expireTime === undefined) return false;
    const at = Date.parse(expireTime);
    return !Number.isNaN(at) && at - this.now().getTime() < RELEASE_MARGIN_MS;
  }
}
