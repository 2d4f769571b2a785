/** What the app may show about the configured key: never the key itself. */
export interface ApiKeyInfo {
  orgId: string;
  orgName: string;
  lastFour: string;
  expiresAt: Date | null;
  expirySource: 'api' | 'admin' | null;
  /** The key's name in admin.atlassian.com, when the admin gave it. */
  label?: string | null;
}

/**
 * The org API key, kept as a Forge secret. Only the Admin API adapter reads the key itself;
 * everything else sees `ApiKeyInfo`.
 */
export interface SecretStore {
  saveKey(key: string, info: ApiKeyInfo): Promise<void>;
  info(): Promise<ApiKeyInfo | null>;
  removeKey(): Promise<void>;
}
