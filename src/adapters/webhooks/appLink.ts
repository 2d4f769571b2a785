import { getAppContext } from '@forge/api';
import { z } from 'zod';

const siteSchema = z.url({ protocol: /^https?$/ });

/**
 * The admin page's address on the site (payload field `appUrl`): `<site>/jira/settings/apps/<app id>/<environment
 * id>`, the link Jira gives a `jira:adminPage`. The site comes from the page that saves a target (its product
 * context); null when it is missing or not a URL, or outside an invocation.
 */
export const appPageUrl = (siteUrl: string | undefined): string | null => {
  const site = siteSchema.safeParse(siteUrl);
  if (!site.success) return null;
  try {
    const { appAri, environmentAri } = getAppContext();
    return `${site.data.replace(/\/+$/, '')}/jira/settings/apps/${appAri.appId}/${environmentAri.environmentId}`;
  } catch {
    return null;
  }
};
