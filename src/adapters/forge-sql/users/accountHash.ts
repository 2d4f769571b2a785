import { hash53 } from '../sql/hash53';

/**
 * A 53-bit id of a user (cyrb53 over the account ID): the search word table is keyed by it instead of the account
 * ID (about 43 characters, stored there once per word and again in the word index), which roughly halves the
 * table. Two users of a 100,000-user org colliding is a ~5e-7 chance, accepted, not detected: the two would share
 * their search words (each found by the other's words), until one of them is renamed.
 */
export const accountHash = (accountId: string): number => hash53(accountId);
