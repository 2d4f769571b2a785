/** Test helper: the Forge error code and HTTP status a rejected @forge/kvs call carries. */
import { ForgeKvsAPIError } from '@forge/kvs';

/** Awaits `p`, expecting a ForgeKvsAPIError; returns its code and status. */
export async function kvsErrorOf(p: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ForgeKvsAPIError) return { code: e.code, status: e.responseDetails.status };
    throw e;
  }
  throw new Error('expected the call to fail with a ForgeKvsAPIError');
}
