import type { Rng } from '../rng';
import type { ProductKey, SimWorkspace } from '../model';

const LEGACY_KEY: Record<ProductKey, SimWorkspace['legacyKey']> = {
  'jira-software': 'jira-software',
  'jira-servicedesk': 'jira-service-desk',
  confluence: 'confluence',
  bitbucket: 'bitbucket',
};

const PRODUCT_NAME: Record<ProductKey, string> = {
  'jira-software': 'Jira',
  'jira-servicedesk': 'Jira Service Management',
  confluence: 'Confluence',
  bitbucket: 'Bitbucket',
};

/**
 * Sites with Jira and Confluence each, JSM on the first site, and one Bitbucket workspace. Capacity is filled in
 * after users are generated (see capacityFor).
 */
export function generateWorkspaces(rng: Rng, orgSlug: string, sites: number, now: number): SimWorkspace[] {
  const out: SimWorkspace[] = [];
  const add = (product: ProductKey, cloudId: string, site: string, siteIndex: number): void => {
    const kind = product === 'bitbucket' ? 'workspace' : 'site';
    const owner = product === 'bitbucket' ? 'bitbucket' : product;
    out.push({
      index: out.length,
      id: `ari:cloud:${owner}::${kind}/${cloudId}`,
      cloudId,
      site: siteIndex,
      product,
      legacyKey: LEGACY_KEY[product],
      name: `${PRODUCT_NAME[product]} (${site})`,
      hostUrl: product === 'bitbucket' ? `https://bitbucket.org/${site}` : `https://${site}.atlassian.net`,
      capacity: null,
      createdAt: new Date(now - rng.int(400, 3000) * 86_400_000).toISOString(),
    });
  };
  for (let s = 0; s < sites; s++) {
    const site = s === 0 ? orgSlug : `${orgSlug}-${String(s + 1)}`;
    const cloudId = rng.uuid();
    add('jira-software', cloudId, site, s);
    add('confluence', cloudId, site, s);
    if (s === 0) add('jira-servicedesk', cloudId, site, s);
  }
  add('bitbucket', rng.uuid(), orgSlug, 0);
  return out;
}

/** Share of directory users who get access to a product (first site / other sites). */
export function accessShare(ws: SimWorkspace): number {
  const base: Record<ProductKey, number> = {
    'jira-software': 0.8,
    confluence: 0.65,
    'jira-servicedesk': 0.12,
    bitbucket: 0.08,
  };
  return ws.site === 0 ? base[ws.product] : base[ws.product] / 2;
}

/**
 * Seats for a workspace given how many active users hold a billable role on it: a little headroom, rounded up to
 * a tier of 10. The second site's Confluence reports no license data (capacity null), as the spec allows.
 */
export function capacityFor(rng: Rng, ws: SimWorkspace, billable: number): number | null {
  if (ws.product === 'confluence' && ws.site === 1) return null;
  return Math.max(10, Math.ceil((billable * (1.02 + rng.next() * 0.13)) / 10) * 10);
}
