import type { BulkActionDto } from '../../../contract';
import type { ProductChoice } from '../../hooks/useProducts';
import type { Locale } from '../../i18n/LocaleContext';
import { productNames } from '../../components/productNames';

export type BulkActionType = BulkActionDto['type'];
export const bulkActionTypes: readonly BulkActionType[] = ['deactivate', 'reactivate', 'revoke-product', 'assign-product'];

/** "Deactivate", or "Revoke access to Jira" for product actions (with the site when several sites share product names). */
export const actionLabel = (action: BulkActionDto, products: readonly ProductChoice[], { t }: Pick<Locale, 't'>): string => {
  if (action.type === 'deactivate' || action.type === 'reactivate') return t(`bulk.actions.${action.type}`);
  const name = productNames(products, { t }).labelOf(action.productKey, action.resourceId, action.productKey);
  return t(`bulk.actions.${action.type}-named`, { product: name });
};

export const productValue = (p: Pick<ProductChoice, 'productKey' | 'resourceId'>): string => `${p.productKey}|${p.resourceId}`;

/** The contract action for the chosen type and product (null while a product action has no product yet). */
export const buildAction = (type: BulkActionType, product: ProductChoice | undefined): BulkActionDto | null => {
  if (type === 'deactivate' || type === 'reactivate') return { type };
  if (product === undefined) return null;
  return { type, productKey: product.productKey, resourceId: product.resourceId };
};
