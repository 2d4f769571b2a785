import { z } from 'zod';

/**
 * Product keys as the Admin API reports them on `productAccess[].key`. Jira, Confluence and JSM get
 * first-class treatment in the UI; any other key is kept and shown under its own name.
 */
export const wellKnownProductKeys = ['jira-software', 'jira-core', 'confluence', 'jira-servicedesk'] as const;

export const productKeySchema = z.string().min(1).max(64);
export type ProductKey = z.infer<typeof productKeySchema>;

/** A product on one site (a workspace in the Admin API), with its seat capacity when licensed. */
export const productSchema = z.object({
  key: productKeySchema,
  /** Workspace ARI, e.g. `ari:cloud:jira::site/<cloudId>`; the resource for role assign / revoke. */
  resourceId: z.string().min(1),
  name: z.string(),
  siteUrl: z.string().nullable(),
  seatCapacity: z.number().int().nonnegative().nullable(),
});
export type Product = z.infer<typeof productSchema>;

/**
 * Collapses the Jira family so that "Jira" is one product for the dashboard and inactivity rules. JSM has three
 * spellings: `jira-servicedesk` (users/search), `jira-service-desk` (the legacy enum of last-active-dates) and
 * `jira-service-management`.
 */
export const productFamily = (key: ProductKey): string => {
  if (key === 'jira-software' || key === 'jira-core' || key === 'jira') return 'jira';
  if (key === 'jira-servicedesk' || key === 'jira-service-desk' || key === 'jira-service-management') return 'jira-servicedesk';
  return key;
};
