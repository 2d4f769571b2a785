import { call } from '../api';
import { useLoad } from './useLoad';

export interface ProductChoice {
  productKey: string;
  resourceId: string;
  name: string | null;
  siteUrl: string | null;
  family: string;
}

/**
 * The org's products (key, workspace resource, name, site, family) for product filters and the assign/revoke picker. The
 * contract has no products resolver, so they come from dashboard.get; an error leaves the list empty.
 */
export const useProducts = (): ProductChoice[] => {
  const [load] = useLoad(() => call('dashboard.get', {}), []);
  if (load.status !== 'ready') return [];
  return load.data.products.map(({ productKey, resourceId, name, siteUrl, family }) => ({ productKey, resourceId, name, siteUrl, family }));
};
