import { DomainError } from '../../domain/model/errors';

/**
 * The org API key, read through the provider and reused for `cacheMs` so a sync does not read the secret
 * store once per request. `refresh` re-reads it (after a 401: the admin may just have replaced the key).
 */
export class CachedApiKey {
  private cached: { key: string; until: number } | null = null;

  constructor(
    private readonly provider: () => Promise<string | null>,
    private readonly cacheMs: number,
    private readonly now: () => number,
  ) {}

  async get(): Promise<string> {
    if (this.cached && this.cached.until > this.now()) return this.cached.key;
    return this.refresh();
  }

  async refresh(): Promise<string> {
    const key = (await this.provider())?.trim() ?? '';
    if (key === '') {
      this.cached = null;
      throw new DomainError('API_KEY_MISSING', 'No organization API key is configured.');
    }
    this.cached = { key, until: this.now() + this.cacheMs };
    return key;
  }
}
