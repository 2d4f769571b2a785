/** An organization the key reaches, as the org picker shows it. */
export interface OrgSummary {
  id: string;
  name: string;
}

/**
 * What checking and saving an org API key asks the Admin APIs: which organizations the key reaches and when it
 * expires. A refused key throws DomainError (API_KEY_REJECTED, API_KEY_FORBIDDEN).
 */
export interface ApiKeyChecks {
  listOrgs(): Promise<OrgSummary[]>;
  /**
   * Reads one user of `orgId` the way the sync reads users (the users search lists no scope): throws
   * API_KEY_FORBIDDEN for a key with scopes, which `listOrgs` may still accept.
   */
  probeUserSearch(orgId: string): Promise<void>;
  /**
   * Expiry of the key from the API Access API. The list does not say which key is "this" one: the key labelled
   * `label` when given, else the org's only admin key. Null when the key may not read the list (403), or when no
   * key (or more than one) matches.
   */
  apiKeyExpiry(orgId: string, label?: string): Promise<Date | null>;
}
