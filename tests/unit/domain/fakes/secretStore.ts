import type { ApiKeyInfo, SecretStore } from '../../../../src/domain/ports/secretStore';

export const exampleKeyInfo: ApiKeyInfo = { orgId: 'org-1', orgName: 'Example Org', lastFour: 'abcd', expiresAt: null, expirySource: null };

/** The stored key: `secret` is the key itself, `key` what the app may show about it (null: no key configured). */
export class FakeSecretStore implements SecretStore {
  secret: string | null = null;
  constructor(public key: ApiKeyInfo | null = exampleKeyInfo) {}
  saveKey(secret: string, info: ApiKeyInfo): Promise<void> {
    this.secret = secret;
    this.key = structuredClone(info);
    return Promise.resolve();
  }
  info(): Promise<ApiKeyInfo | null> {
    return Promise.resolve(this.key === null ? null : structuredClone(this.key));
  }
  removeKey(): Promise<void> {
    this.secret = null;
    this.key = null;
    return Promise.resolve();
  }
}
