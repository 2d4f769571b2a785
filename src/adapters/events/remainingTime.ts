import { getAppContext } from '@forge/api';
import { DomainError } from '../../domain/model/errors';

/**
 * Milliseconds the current Forge invocation has left (@forge/api `getAppContext().invocationRemainingTimeInMillis()`,
 * which reads the runtime's `lambdaContext.getRemainingTimeInMillis`). Consumers call it between slices to push
 * their continuation before the time runs out. INTERNAL when the runtime does not provide it (outside Forge).
 */
export const remainingMs = (): number => {
  try {
    const ms = getAppContext().invocationRemainingTimeInMillis();
    if (!Number.isFinite(ms)) throw new TypeError('not a finite number');
    return ms;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('INTERNAL', 'The Forge runtime does not report the invocation time left.', { reason });
  }
};
