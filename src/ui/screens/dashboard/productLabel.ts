import type { ProductUsageDto } from '../../../contract';

/** A product's display name: Atlassian's name, else its key; with the site's host when known. */
export const productLabel = (product: Pick<ProductUsageDto, 'name' | 'productKey' | 'siteUrl'>): string => {
  const name = product.name ?? product.productKey;
  if (product.siteUrl === null) return name;
  try {
    return `${name} (${new URL(product.siteUrl).host})`;
  } catch {
    return name;
  }
};
