import { hash53 } from '../sql/hash53';

/**
 * A 53-bit id of a product on a site (cyrb53 over `key` and `resourceId`): the access table is keyed
 * and indexed by it instead of the long workspace ARI, which keeps its rows and the per-product
 * dashboard scan small; reads get the key and ARI back from `products`. Two products of one org colliding
 * is a ~1e-13 chance, accepted: `products` holds the hash as a unique key, and the registering upsert would then
 * leave the first product's row, so the second product's access rows would read as the first's.
 */
export const productHash = (key: string, resourceId: string): number => hash53(`${key}\u0000${resourceId}`);
