/** Test helper: the Forge error code and HTTP status a rejected @forge/sql call carries. */
import { ForgeSQLAPIError } from '@forge/sql';

/** Awaits `p`, expecting a ForgeSQLAPIError; returns its code, status and message. */
export async function sqlErrorOf(p: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ForgeSQLAPIError) return { code: e.code, status: e.responseDetails.status, message: e.message };
    throw e;
  }
  throw new Error('expected the call to fail with a ForgeSQLAPIError');
}
