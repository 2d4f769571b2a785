import type { Product } from '../model/product';

/** The org's products per site with their seat capacity, as last synced (D2 seats vs capacity). */
export interface ProductRepository {
  upsertMany(products: readonly Product[], generation: number): Promise<void>;
  list(): Promise<Product[]>;
}
