import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { DomainError } from '../../domain/model/errors';
import type { ApiKeyInfo, SecretStore } from '../../domain/ports/secretStore';
import { kvsCall } from './kvsErrors';
import { kvsKeys } from './kvsKeys';

const storedInfoSchema = z.object({
  orgId: z.string().min(1),
  orgName: z.string(),
  lastFour: z.string().max(4),
  expiresAt: z.iso.datetime().nullable(),
  expirySource: z.enum(['api', 'admin']).nullable(),
  label: z.string().nullable().optional(),
});

/** Admin API keys are long opaque tokens without whitespace. */
const apiKeySchema = z.string().min(8).max(8192).regex(/^\S+$/);

/**
 * The org API key as a Forge secret plus, under a separate key, what may be shown about it. `info()`
 * is all the rest of the app sees; the key itself is read only through `apiKeyReader`.
 */
export class KvsSecretStore implements SecretStore {
  async saveKey(key: string, info: ApiKeyInfo): Promise<void> {
    if (!apiKeySchema.safeParse(key).success) {
      throw new DomainError('VALIDATION_FAILED', 'The API key is malformed', { field: 'apiKey' });
    }
    if (info.lastFour !== key.slice(-4)) {
      throw new DomainError('VALIDATION_FAILED', 'lastFour does not match the key', { field: 'lastFour' });
    }
    const stored = storedInfoSchema.parse({ ...info, expiresAt: info.expiresAt?.toISOString() ?? null });
    await kvsCall('set secret', () => kvs.setSecret(kvsKeys.apiKeySecret, key));
    await kvsCall('set key info', () => kvs.set(kvsKeys.apiKeyInfo, stored));
  }

  async info(): Promise<ApiKeyInfo | null> {
    const raw = await kvsCall('get key info', () => kvs.get<unknown>(kvsKeys.apiKeyInfo));
    if (raw === undefined) return null;
    const parsed = storedInfoSchema.safeParse(raw);
    if (!parsed.success) throw new DomainError('INTERNAL', 'Stored API key info cannot be read');
    const { expiresAt, ...rest } = parsed.data;
    return { ...rest, expiresAt: expiresAt === null ? null : new Date(expiresAt) };
  }

  /** Secret first: if the second delete fails the UI still shows a key, and a retry finishes the job. */
  async removeKey(): Promise<void> {
    await kvsCall('delete secret', () => kvs.deleteSecret(kvsKeys.apiKeySecret));
    await kvsCall('delete key info', () => kvs.delete(kvsKeys.apiKeyInfo));
  }
}

/**
 * The only way to read the key: the composition root hands this function to the Admin API adapter
 * (its `apiKey` option) and to nothing else. null when no key is configured.
 */
export const apiKeyReader = async (): Promise<string | null> => {
  const key = await kvsCall('get secret', () => kvs.getSecret<unknown>(kvsKeys.apiKeySecret));
  return typeof key === 'string' && key !== '' ? key : null;
};

/** The stored key's expiry as saved with it (null when unknown or no key): lets the Admin API adapter tell expired from revoked. */
export const storedKeyExpiry = async (): Promise<Date | null> => (await new KvsSecretStore().info())?.expiresAt ?? null;
