import { DomainError } from '../model/errors';
import type { Lock } from '../ports/lock';

/**
 * Runs `change` holding the lock `name`, for read-modify-write changes of one stored value that two admins could
 * make at once (the webhook targets, the callers' count). When someone else holds it, nothing runs: LOCK_HELD, and
 * the admin tries again. The lease outlives a change that dies half way only by `ttlSeconds`.
 */
export const exclusively = async <T>(lock: Lock, name: string, ttlSeconds: number, change: () => Promise<T>): Promise<T> => {
  const lease = await lock.acquire(name, ttlSeconds);
  if (lease === null) throw new DomainError('LOCK_HELD', 'Another change of the same settings is being saved', {
      issues: [{ path: 'form', messageKey: 'errors.changeInProgress', message: name }],
    });
  try {
    return await change();
  } finally {
    await lock.release(lease);
  }
};
