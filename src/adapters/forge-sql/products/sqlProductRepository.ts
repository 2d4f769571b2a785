import { z } from 'zod';
import type { Product } from '../../../domain/model/product';
import type { ProductRepository } from '../../../domain/ports/productRepository';
import { multiRowStatements } from '../sql/multiRowStatements';
import { SqlExecutor } from '../sql/sqlExecutor';
import { productHash } from './productHash';
import { sqlInt } from '../sql/sqlValues';

const productsUpsert = {
  head: 'INSERT INTO products (product_key,resource_id,product_hash,name,site_url,seat_capacity,seen_generation) VALUES',
  tail:
    'ON DUPLICATE KEY UPDATE name=VALUES(name),site_url=VALUES(site_url),' +
    'seat_capacity=VALUES(seat_capacity),seen_generation=VALUES(seen_generation)',
  columns: 7,
};

const productRowSchema = z.object({
  product_key: z.string(),
  resource_id: z.string(),
  name: z.string(),
  site_url: z.string().nullable(),
  seat_capacity: sqlInt.nullable(),
});

/** ProductRepository over Forge SQL (`products`): a handful of rows, one per product and site. */
export class SqlProductRepository implements ProductRepository {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async upsertMany(products: readonly Product[], generation: number): Promise<void> {
    await this.db.executeAll(
      multiRowStatements(
        productsUpsert,
        products.map((p) => [p.key, p.resourceId, productHash(p.key, p.resourceId), p.name, p.siteUrl, p.seatCapacity, generation]),
      ),
    );
  }

  async list(): Promise<Product[]> {
    const rows = await this.db.select(
      'SELECT product_key, resource_id, name, site_url, seat_capacity FROM products ORDER BY product_key, resource_id',
      [],
      productRowSchema,
    );
    return rows.map((r) => ({
      key: r.product_key,
      resourceId: r.resource_id,
      name: r.name,
      siteUrl: r.site_url,
      seatCapacity: r.seat_capacity,
    }));
  }
}
