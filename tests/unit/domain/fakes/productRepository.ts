import type { Product } from '../../../../src/domain/model/product';
import type { ProductRepository } from '../../../../src/domain/ports/productRepository';
import { Tables } from './tables';

/** The synced products over `Tables`, one row per product and site. */
export class FakeProductRepository implements ProductRepository {
  constructor(private readonly t: Tables = new Tables(), products: readonly Product[] = []) {
    for (const p of products) t.products.set(`${p.key}|${p.resourceId}`, { product: structuredClone(p), seen: 0 });
  }

  upsertMany(products: readonly Product[], generation: number): Promise<void> {
    this.t.op();
    for (const p of products) this.t.products.set(`${p.key}|${p.resourceId}`, { product: structuredClone(p), seen: generation });
    return Promise.resolve();
  }

  list(): Promise<Product[]> {
    this.t.op();
    return Promise.resolve([...this.t.products.values()].map((row) => structuredClone(row.product)));
  }
}
