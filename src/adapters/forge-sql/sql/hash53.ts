/**
 * cyrb53: a 53-bit non-cryptographic hash of `text` (UTF-16 code units), exact as a JavaScript number and
 * as a BIGINT. The child tables are keyed by such hashes (products/productHash.ts, groups/groupHash.ts)
 * instead of long ARIs and ids, which keeps their rows and indexes small. Computed in the adapter, so a write
 * never looks anything up.
 */
export const hash53 = (text: string): number => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};
