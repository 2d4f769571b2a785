/**
 * A 53-bit id of a product on a site (cyrb53 over `key` and `resourceId`): the access table is keyed
 * and indexed by it instead of the long workspace ARI, which keeps its rows and the per-product
 * dashboard scan small. Computed in the adapter, so a write never looks anything up. Two products of one
 * org colliding is a ~1e-13 chance; `products` holds the hash as a unique key, so it would fail loudly.
 */
export const productHash = (key: string, resourceId: string): number => {
  const text = `${key}\u0000${resourceId}`;
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
