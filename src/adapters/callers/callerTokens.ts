import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CallerTokens } from '../../domain/ports/callerRepository';

/**
 * Caller tokens (S10): `ulo.<caller id>.<32 random bytes, base64url>`, stored as their SHA-256 in hex. The token
 * carries 256 random bits, so a fast hash is enough (no password stretching needed); hashes are compared with
 * `timingSafeEqual`.
 */
export const callerTokens: CallerTokens = {
  issue: (callerId) => `ulo.${callerId}.${randomBytes(32).toString('base64url')}`,
  hash: (token) => createHash('sha256').update(token, 'utf8').digest('hex'),
  sameHash: (a, b) => {
    const left = Buffer.from(a, 'utf8');
    const right = Buffer.from(b, 'utf8');
    return left.length === right.length && timingSafeEqual(left, right);
  },
};
