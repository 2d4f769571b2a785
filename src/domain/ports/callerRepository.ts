import type { Caller } from '../model/caller';

/**
 * The callers of the web trigger (S10). `save` writes one caller's record whole; when each was last used is kept
 * apart (`markUsed`), so that a request touching it can never undo a revocation written at the same moment.
 */
export interface CallerRepository {
  /** Every caller, revoked ones too, oldest first. */
  list(): Promise<Caller[]>;
  get(id: string): Promise<Caller | null>;
  save(caller: Caller): Promise<void>;
  markUsed(id: string, at: Date): Promise<void>;
  /** When each caller was last used, by caller ID (absent: never). */
  lastUsed(ids: readonly string[]): Promise<Map<string, Date>>;
}

/**
 * Caller tokens: `issue` makes a new token for a caller (high-entropy random, with the caller's ID in it so a
 * request finds its caller without a search), `hash` its stored form, `sameHash` compares two hashes in constant
 * time.
 */
export interface CallerTokens {
  issue(callerId: string): string;
  hash(token: string): string;
  sameHash(a: string, b: string): boolean;
}

/**
 * Requests per caller in fixed one-minute windows: `hit` counts one request in the window starting at
 * `windowStart` and resolves with the count so far (this one included).
 */
export interface RequestCounter {
  hit(callerId: string, windowStart: Date): Promise<number>;
}
