import type { Group } from '../../model/group';
import { directoryName, type User } from '../../model/user';
import { productNameKey, type ViewContext } from './viewContext';

/**
 * U5 "why is this seat billable": what grants the user one product. No granting group means a product role given
 * to the user directly (the synced copy holds no role assignments, so a direct role beside a group is not seen).
 */
export interface AccessPathView {
  productKey: string;
  resourceId: string;
  productName: string | null;
  /**
   * The user's groups that grant the product; `idpSynced`: members are managed in the identity provider;
   * `directory`: the name of the directory the group was synced into (null when not known or unnamed).
   */
  groups: { id: string; name: string; idpSynced: boolean; directory: string | null }[];
}

/** For each product the user has, the user's groups that grant it (matched on product and site like a revoke plan). */
export const accessPaths = (user: User, groups: readonly Group[], context: Pick<ViewContext, 'productNames'>): AccessPathView[] => {
  const mine = groups.filter((g) => user.groups.some((ref) => ref.id === g.id));
  return user.productAccess.map(({ productKey, resourceId }) => ({
    productKey,
    resourceId,
    productName: context.productNames.get(productNameKey(productKey, resourceId)) ?? null,
    groups: mine
      .filter((g) => g.grants.some((t) => t.productKey === productKey && t.resourceId === resourceId))
      .map((g) => ({ id: g.id, name: g.name, idpSynced: g.idpSynced || !g.modifiable, directory: directoryName(g.directory) })),
  }));
};
