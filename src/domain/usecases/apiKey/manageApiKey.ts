import type { AuditActor, AuditEntry } from '../../model/audit';
import { DomainError } from '../../model/errors';
import type { AuditLog } from '../../ports/auditLog';
import type { Clock } from '../../ports/clock';
import type { ApiKeyChecks, OrgSummary } from '../../ports/apiKeyChecks';
import type { IdGenerator } from '../../ports/idGenerator';
import type { SecretStore } from '../../ports/secretStore';
import { toApiKeyView, type ApiKeyView } from './apiKeyView';
import { appChangeEntry } from '../audit/appChangeEntry';

/** Builds the key checks with `key` instead of the stored one (to try a pasted key before it is saved). */
export type GatewayForKey = (key: string) => ApiKeyChecks;

/** What checking, saving and removing the org API key needs. */
export interface ApiKeyDeps {
  gatewayForKey: GatewayForKey;
  secrets: SecretStore;
  audit: AuditLog;
  ids: IdGenerator;
  clock: Clock;
}

/**
 * S1: tries a pasted key live: the orgs it reaches (`GET /v1/orgs`), then one users search, which a key with scopes
 * may not make. API_KEY_REJECTED when Atlassian does not accept the key, API_KEY_FORBIDDEN for a key with scopes.
 */
export const checkApiKey = async (key: string, deps: Pick<ApiKeyDeps, 'gatewayForKey'>): Promise<{ orgs: OrgSummary[] }> => {
  const gateway = deps.gatewayForKey(key);
  const orgs = await gateway.listOrgs();
  if (orgs[0] !== undefined) await gateway.probeUserSearch(orgs[0].id);
  return { orgs };
};

const keyAudit = (action: 'api-key.set' | 'api-key.remove', actor: AuditActor, details: AuditEntry['details'], deps: ApiKeyDeps): AuditEntry =>
  appChangeEntry(action, actor, details, deps);

/** The key's expiry from the API Access API; null when the key may not read it or the read fails for any reason. */
const expiryFromApi = async (gateway: ApiKeyChecks, orgId: string, label: string | undefined): Promise<Date | null> => {
  try {
    return await gateway.apiKeyExpiry(orgId, label);
  } catch {
    return null;
  }
};

/**
 * S1: validates the key again, checks it sees `orgId` and may search its users, reads its expiry (API Access API, else the admin's entry),
 * stores it as a Forge secret and audits `api-key.set`. The audit entry and the answer carry the org and the
 * expiry, never the key.
 */
export const saveApiKey = async (
  request: { key: string; orgId: string; expiresAt?: Date | null | undefined; label?: string | undefined },
  actor: AuditActor,
  deps: ApiKeyDeps,
): Promise<ApiKeyView> => {
  const gateway = deps.gatewayForKey(request.key);
  const org = (await gateway.listOrgs()).find((o) => o.id === request.orgId);
  if (org === undefined) {
    const issue = { path: 'orgId', messageKey: 'validation.apiKey.org-not-visible', message: 'the key does not see this org' };
    throw new DomainError('VALIDATION_FAILED', 'The key does not see this organization', { issues: [issue] });
  }
  await gateway.probeUserSearch(org.id);
  const fromApi = await expiryFromApi(gateway, org.id, request.label);
  const fromAdmin = request.expiresAt ?? null;
  const info = {
    orgId: org.id,
    orgName: org.name,
    lastFour: request.key.slice(-4),
    expiresAt: fromApi ?? fromAdmin,
    expirySource: fromApi ? ('api' as const) : fromAdmin ? ('admin' as const) : null,
    label: request.label ?? null,
  };
  await deps.secrets.saveKey(request.key, info);
  await deps.audit.append([keyAudit('api-key.set', actor, { orgId: org.id, orgName: org.name, expirySource: info.expirySource }, deps)]);
  return toApiKeyView(info, deps.clock.now());
};

/** Forgets the key (the app returns to the bootstrap state) and audits `api-key.remove`. */
export const removeApiKey = async (actor: AuditActor, deps: ApiKeyDeps): Promise<{ removed: true }> => {
  const info = await deps.secrets.info();
  await deps.secrets.removeKey();
  await deps.audit.append([keyAudit('api-key.remove', actor, { orgId: info?.orgId ?? null }, deps)]);
  return { removed: true };
};
