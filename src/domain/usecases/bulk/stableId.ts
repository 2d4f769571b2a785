/** 64-bit FNV-1a of a string's UTF-16 code units, as 16 hex digits (two 32-bit halves with different offsets). */
const fnv1a = (text: string, offset: number): string => {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
};

/** A 64-bit hash of `text` as 16 hex digits: deterministic ids derived from long keys. */
export const stableHash = (text: string): string => `${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x050c5d1f)}`;

/**
 * A deterministic id for what one job did to one user (≤ 64 characters: the job id and a 64-bit hash of the
 * account ID): a re-delivered slice writes the same audit entry again, which takes the item's latest outcome.
 */
export const itemAuditId = (jobId: string, accountId: string): string =>
  `${jobId.slice(0, 44)}:${stableHash(accountId)}`;
