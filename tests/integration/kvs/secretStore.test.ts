import { useForgeRuntime } from '../../support/forgeRuntime';
import { kvs } from '@forge/kvs';
import type { ApiKeyInfo } from '../../../src/domain/ports/secretStore';
import { apiKeyReader, KvsSecretStore } from '../../../src/adapters/kvs/kvsSecretStore';

const rt = useForgeRuntime({ sql: false });
const store = new KvsSecretStore();
const KEY = 'ATCTT3xFfGN0-secret-api-key-value-9f3c';
const info: ApiKeyInfo = {
  orgId: 'org-1',
  orgName: 'Acme',
  lastFour: KEY.slice(-4),
  expiresAt: new Date('2026-01-31T00:00:00.000Z'),
  expirySource: 'api',
};
beforeEach(() => {
  rt.reset();
});

/** Every non-secret value in KVS, as JSON text. */
const everythingQueryable = async (): Promise<string> => {
  const page = await kvs.query().limit(100).getMany();
  return JSON.stringify(page.results);
};

describe('KvsSecretStore (S1, P2)', () => {
  it('keeps the key as a Forge secret and shows only its info', async () => {
    expect(await store.info()).toBeNull();
    expect(await apiKeyReader()).toBeNull();
    await store.saveKey(KEY, info);
    const shown = await store.info();
    expect(shown).toEqual(info);
    expect(JSON.stringify(shown)).not.toContain(KEY);
    expect(await everythingQueryable()).not.toContain(KEY);
    expect(await kvs.getSecret('admin-api-key')).toBe(KEY);
    expect(await apiKeyReader()).toBe(KEY);
  });

  it('replaces and removes the key', async () => {
    await store.saveKey(KEY, info);
    const next = `${KEY}-rotated-0042`;
    await store.saveKey(next, { ...info, lastFour: '0042', expiresAt: null, expirySource: null });
    expect(await apiKeyReader()).toBe(next);
    expect(await store.info()).toMatchObject({ lastFour: '0042', expiresAt: null });
    await store.removeKey();
    expect(await store.info()).toBeNull();
    expect(await apiKeyReader()).toBeNull();
  });

  it('refuses a malformed key or info that does not belong to it, without echoing the key', async () => {
    const error = await store.saveKey('has spaces in it', { ...info, lastFour: 'n it' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(error)).not.toContain('has spaces');
    await expect(store.saveKey(KEY, { ...info, lastFour: 'abcd' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await apiKeyReader()).toBeNull();
  });
});
