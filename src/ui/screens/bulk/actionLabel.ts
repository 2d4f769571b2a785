import type { BulkActionDto } from '../../../contract';
import type { ProductChoice } from '../../hooks/useProducts';
import type { Locale } from '../../i18n/LocaleContext';
import { productLabel } from '../dashboard/productLabel';

export type BulkActionType = BulkActionDto['type'];
export const bulkActionTypes: readonly BulkActionType[] = ['deactivate', 'reactivate', 'revoke-product', 'assign-product'];

/** "Deactivate", or "Revoke access to Jira (acme.atlassian.net)" for product actions. */
export const actionLabel = (action: BulkActionDto, products: readonly ProductChoice[], { t }: Pick<Locale, 't'>): string => {
  if (action.type === 'deactivate' || action.type === 'reactivate') return t(`bulk.actions.${action.type}`);
  const product = products.find((p) => p.productKey === action.productKey && p.resourceId === action.resourceId);
  const name = product === undefined ? action.productKey : productLabel(product);
  return t(`bulk.actions.${action.type}-named`, { product: name });
};

export const productValue = (p: Pick<ProductChoice, 'productKey' | 'resourceId'>): string => `${p.productKey}|${p.resourceId}`;

/** The contract action for the chosen type and product (null while a product action has no product yet). */
export const buildAction = (type: BulkActionType, product: ProductChoice | undefined): BulkActionDto | null => {
  if (type === 'deactivate' || type === 'reactivate') return { type };
  if (product === undefined) return null;
  return { type, productKey: product.productKey, resourceId: product.resourceId };
};
