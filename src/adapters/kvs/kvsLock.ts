import { kvs } from '@forge/kvs';
import { DomainError } from '../../domain/model/errors';
import type { Lock } from '../../domain/ports/lock';
import { isKeyConflict, kvsCall, kvsError } from './kvsErrors';
import { kvsKeys } from './kvsKeys';

const NAME = /^[a-zA-Z0-9:._-]{1,200}$/;

/**
 * Locks as KVS keys written with `FAIL_IF_EXISTS` and a TTL: the write is atomic, so exactly one of
 * several concurrent `acquire` calls wins, and a holder that dies frees the lock when the TTL runs out.
 */
export class KvsLock implements Lock {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async acquire(name: string, ttlSeconds: number): Promise<boolean> {
    if (!NAME.test(name)) throw new DomainError('VALIDATION_FAILED', 'Invalid lock name', { field: 'name' });
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
      throw new DomainError('VALIDATION_FAILED', 'ttlSeconds must be a positive integer', { field: 'ttlSeconds' });
    }
    try {
      await kvs.set(
        kvsKeys.lock(name),
        { acquiredAt: this.now().toISOString() },
        { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: ttlSeconds, unit: 'SECONDS' } },
      );
      return true;
    } catch (error) {
      if (isKeyConflict(error)) return false;
      throw kvsError('acquire lock', error);
    }
  }

  async release(name: string): Promise<void> {
    await kvsCall('release lock', () => kvs.delete(kvsKeys.lock(name)));
  }
}
