import type { Caller } from '../../model/caller';
import type { CallerRepository, CallerTokens } from '../../ports/callerRepository';

/** A request without a valid token of an active caller. Carries no detail: the caller is told only 401. */
export class UnauthenticatedCaller extends Error {
  constructor() {
    super('Not authenticated');
    this.name = 'UnauthenticatedCaller';
  }
}

/** `ulo.<caller id>.<secret>`: the caller's ID lets a request find its caller without a search. */
const TOKEN = /^ulo\.([A-Za-z0-9-]{1,64})\.[A-Za-z0-9_-]{20,200}$/;

/**
 * The active caller whose token this is. The token's hash is compared with the stored one in constant time; a
 * missing, malformed, unknown or revoked token all fail the same way (UnauthenticatedCaller).
 */
export const authenticateCaller = async (
  token: string | null,
  deps: { callers: Pick<CallerRepository, 'get'>; tokens: CallerTokens },
): Promise<Caller> => {
  const id = token === null ? undefined : TOKEN.exec(token)?.[1];
  const caller = id === undefined ? null : await deps.callers.get(id);
  const presented = deps.tokens.hash(token ?? '');
  const matches = caller !== null && deps.tokens.sameHash(presented, caller.tokenHash);
  if (caller === null || !matches || caller.revokedAt !== null) throw new UnauthenticatedCaller();
  return caller;
};
