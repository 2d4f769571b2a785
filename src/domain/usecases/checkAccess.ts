import { DomainError } from '../model/errors';
import type { Settings } from '../model/settings';
import type { JiraPermissions } from '../ports/jiraPermissions';

/** Platform roles (as the Admin API names them) that may use the app when Settings allow it. */
const orgAdminRoles = ['atlassian/org-admin', 'org-admin'];
const productAdminRoles = ['atlassian/admin', 'admin', 'atlassian/site-admin', 'site-admin'];
const userAccessAdminRoles = ['atlassian/user-access-admin', 'user-access-admin'];

/** Who asks, and for which part of the app. */
export interface AccessRequest {
  accountId: string | null;
  /** The screen or capability asked for: before a key exists only `settings` may be reached. */
  area: 'settings' | 'app';
}

/** What the access check reads besides Jira: whether a key exists, the settings and the caller's platform roles. */
export interface AccessContext {
  apiKeyConfigured: boolean;
  settings: Settings;
  /** The caller's platform roles from the synced directory; null when the caller is not in it. */
  platformRoles: readonly string[] | null;
}

/** What the caller may do: Settings only (bootstrap, before a key exists) or everything, and through which role. */
export type AccessGrant = { level: 'bootstrap' } | { level: 'full'; via: 'org-admin' | 'product-admin' | 'user-access-admin' };

const hasAny = (roles: readonly string[], wanted: readonly string[]): boolean => roles.some((r) => wanted.includes(r));

/**
 * ARCHITECTURE §4: gate 1 (Jira administrator) always; gate 2 (platform role) once a key exists.
 * Before a key is configured a Jira administrator may reach Settings only (bootstrap).
 */
export const checkAccess = async (
  request: AccessRequest,
  jira: JiraPermissions,
  context: (accountId: string) => Promise<AccessContext>,
): Promise<AccessGrant> => {
  if (request.accountId === null || !(await jira.isJiraAdmin(request.accountId))) {
    throw new DomainError('NOT_JIRA_ADMIN', 'The caller is not a Jira administrator.');
  }
  const { apiKeyConfigured, settings, platformRoles } = await context(request.accountId);
  if (!apiKeyConfigured) {
    if (request.area === 'settings') return { level: 'bootstrap' };
    throw new DomainError('API_KEY_MISSING', 'No organization API key is configured yet.');
  }
  const roles = platformRoles ?? [];
  if (hasAny(roles, orgAdminRoles)) return { level: 'full', via: 'org-admin' };
  if (settings.access.allowProductAdmins && hasAny(roles, productAdminRoles)) return { level: 'full', via: 'product-admin' };
  if (settings.access.allowUserAccessAdmins && hasAny(roles, userAccessAdminRoles)) {
    return { level: 'full', via: 'user-access-admin' };
  }
  throw new DomainError('ROLE_NOT_ALLOWED', 'The caller has no platform role that may use the app.');
};
