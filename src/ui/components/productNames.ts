import type { Locale } from '../i18n/LocaleContext';

/** What naming a product needs: its key and workspace, the name Atlassian reports and the site's URL. */
export interface NamedProduct {
  productKey: string;
  resourceId: string;
  name: string | null;
  siteUrl: string | null;
  /** The product family (`jira`, `confluence`, ...), where known. */
  family?: string;
}

const parseUrl = (siteUrl: string | null): URL | null => {
  if (siteUrl === null) return null;
  try {
    return new URL(siteUrl);
  } catch {
    return null;
  }
};

const pathOf = (url: URL): string => url.pathname.replace(/\/+$/, '');

/** The site as shown: its host, with the path for a workspace URL (`bitbucket.org/acme`); null when unknown. */
export const siteLabel = (siteUrl: string | null): string | null => {
  const url = parseUrl(siteUrl);
  return url === null ? null : `${url.host}${pathOf(url)}`;
};

/** How a workspace name may spell its own site: the host (with its path), the site's subdomain, the workspace slug. */
const siteSpellings = (siteUrl: string | null): Set<string> => {
  const url = parseUrl(siteUrl);
  if (url === null) return new Set();
  const host = url.host.toLowerCase();
  const path = pathOf(url).toLowerCase();
  const labels = host.split('.');
  const slug = path.split('/').filter((segment) => segment !== '').at(-1);
  return new Set([host, `${host}${path}`, ...(labels.length > 2 && labels[0] !== undefined ? [labels[0]] : []), ...(slug === undefined ? [] : [slug])]);
};

const SITE_SUFFIX = /^(.*\S)\s*\(([^()]+)\)$/;

/**
 * The product's name without its site: Atlassian's workspace name (the key when unknown), less a trailing
 * "(site)" that only repeats the product's own site ("Jira (acme)" on acme.atlassian.net → "Jira").
 */
export const productName = (product: Pick<NamedProduct, 'productKey' | 'name' | 'siteUrl'>): string => {
  const name = product.name ?? product.productKey;
  const match = SITE_SUFFIX.exec(name);
  if (match?.[1] === undefined || match[2] === undefined) return name;
  return siteSpellings(product.siteUrl).has(match[2].trim().toLowerCase()) ? match[1] : name;
};

/** How the org's products are named on the page: by name alone, with the site only where a name alone is ambiguous. */
export interface ProductNames {
  /** True when one product name stands on several sites: each product is then shown with its site. */
  readonly bySite: boolean;
  /** The product's name, without its site. */
  name(product: NamedProduct): string;
  /** The site to show with the product (a secondary line or a suffix); null when the name alone is clear. */
  site(product: NamedProduct): string | null;
  /** One line: the name, or "name (site)" when several sites share product names. */
  label(product: NamedProduct): string;
  /** The label of the product with this key and workspace; `fallback` when the list does not hold it. */
  labelOf(productKey: string, resourceId: string, fallback: string): string;
  /** A product family's name (the family spans sites, so never with a site). */
  familyName(line: { family: string; name: string | null }): string;
}

/**
 * Names for a list of products (the org's products from `dashboard.get`). With one site, or when no product name
 * stands on more than one site, names alone; otherwise each product also names its site.
 */
export const productNames = (products: readonly NamedProduct[], { t }: Pick<Locale, 't'>): ProductNames => {
  const sitesByName = new Map<string, Set<string | null>>();
  for (const p of products) {
    const name = productName(p);
    sitesByName.set(name, (sitesByName.get(name) ?? new Set()).add(siteLabel(p.siteUrl)));
  }
  const bySite = [...sitesByName.values()].some((sites) => sites.size > 1);
  const site = (p: NamedProduct): string | null => (bySite ? siteLabel(p.siteUrl) : null);
  const label = (p: NamedProduct): string => {
    const where = site(p);
    return where === null ? productName(p) : t('common.productOnSite', { product: productName(p), site: where });
  };
  return {
    bySite,
    name: productName,
    site,
    label,
    labelOf: (productKey, resourceId, fallback) => {
      const product = products.find((p) => p.productKey === productKey && p.resourceId === resourceId);
      return product === undefined ? fallback : label(product);
    },
    familyName: (line) => {
      const product = products.find((p) => p.family === line.family && p.name === line.name);
      return product === undefined ? (line.name ?? line.family) : productName(product);
    },
  };
};
