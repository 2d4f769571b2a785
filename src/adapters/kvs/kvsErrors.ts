import { ForgeKvsAPIError } from '@forge/kvs';
import { DomainError } from '../../domain/model/errors';

/** True for the 409 KEY_CONFLICT KVS answers when `FAIL_IF_EXISTS` meets a live key. */
export const isKeyConflict = (error: unknown): boolean =>
  error instanceof ForgeKvsAPIError && (error.code === 'KEY_CONFLICT' || error.responseDetails.status === 409);

/** Maps an SDK error to a DomainError: quota → RATE_LIMITED, value size/depth → STORAGE_LIMIT. */
export const kvsError = (what: string, error: unknown): DomainError => {
  if (error instanceof DomainError) return error;
  if (error instanceof ForgeKvsAPIError) {
    const code =
      error.code === 'RATE_LIMIT_EXCEEDED' || error.code === 'TOO_MANY_REQUESTS'
        ? 'RATE_LIMITED'
        : error.code === 'MAX_SIZE' || error.code === 'MAX_DEPTH'
          ? 'STORAGE_LIMIT'
          : 'INTERNAL';
    return new DomainError(code, `KVS ${what} failed: ${error.code}`, { kvsCode: error.code });
  }
  // No message copied: a failed secret write must not carry anything of the request into logs.
  return new DomainError('INTERNAL', `KVS ${what} failed: ${error instanceof Error ? error.name : 'unknown error'}`);
};

/** Runs a KVS call, turning SDK errors into DomainErrors. */
export const kvsCall = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw kvsError(what, error);
  }
};
