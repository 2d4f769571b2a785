import type { Product } from '../../model/product';
import { ProtectedEmails } from '../../policy/protectedEmails';
import type { Clock } from '../../ports/clock';
import type { ProductRepository } from '../../ports/productRepository';
import type { SecretStore } from '../../ports/secretStore';
import type { SettingsStore } from '../../ports/settingsStore';
import type { UserQueryContext } from '../../ports/userRepository';

/** The ports every user-reading use case needs to evaluate users "now". */
export interface ViewDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  products: ProductRepository;
  clock: Clock;
}

/** The current thresholds, whitelist and time, plus what a row shows beside the user (org, product names). */
export interface ViewContext extends UserQueryContext {
  orgId: string | null;
  productNames: ReadonlyMap<string, string>;
}

export const productNameKey = (productKey: string, resourceId: string): string => `${productKey} ${resourceId}`;

const namesOf = (products: readonly Product[]): Map<string, string> =>
  new Map(products.map((p) => [productNameKey(p.key, p.resourceId), p.name]));

/** Loads the context once per request: settings, key info and products in parallel. */
export const loadViewContext = async (deps: ViewDeps): Promise<ViewContext> => {
  const [settings, key, products] = await Promise.all([deps.settings.load(), deps.secrets.info(), deps.products.list()]);
  return {
    now: deps.clock.now(),
    thresholds: settings.inactivity,
    protectedEmails: ProtectedEmails.from(settings.protectedEmails),
    orgId: key?.orgId ?? null,
    productNames: namesOf(products),
  };
};
