import { useForgeRuntime } from '../../support/forgeRuntime';
import { kvs, MetadataField } from '@forge/kvs';
import { kvsErrorOf } from './kvsErrorOf';

const rt = useForgeRuntime({ sql: false });
beforeEach(() => { rt.reset(); });

describe('KVS key rules', () => {
  it('accepts keys of 1..500 characters from the documented alphabet', async () => {
    const keys = ['a', 'job:1 #x-y.z_w', 'k'.repeat(500)];
    for (const key of keys) await kvs.set(key, 1);
    for (const key of keys) expect(await kvs.get(key)).toBe(1);
  });

  it.each([
    ['an empty', '', 'KEY_TOO_SHORT'],
    ['a 501-character', 'k'.repeat(501), 'KEY_TOO_LONG'],
    ['a slash', 'a/b', 'INVALID_KEY'],
    ['a whitespace-only', '   ', 'INVALID_KEY'],
    ['a non-ASCII', 'ümlaut', 'INVALID_KEY'],
  ])('refuses %s key', async (_label, key, code) => {
    expect(await kvsErrorOf(kvs.set(key, 1))).toEqual({ code, status: 400 });
  });
});

describe('KVS value limits', () => {
  const jsonString = (bytes: number): string => 'v'.repeat(bytes - 2); // JSON adds the two quotes

  it('stores a 240 KiB value and refuses one byte more with MAX_SIZE', async () => {
    await kvs.set('big', jsonString(240 * 1024));
    expect(await kvsErrorOf(kvs.set('bigger', jsonString(240 * 1024 + 1)))).toEqual({ code: 'MAX_SIZE', status: 400 });
  });

  it('refuses values nested deeper than 31 levels with MAX_DEPTH', async () => {
    const nest = (depth: number): unknown => (depth === 0 ? 1 : { d: nest(depth - 1) });
    await kvs.set('deep', nest(31));
    expect(await kvsErrorOf(kvs.set('deeper', nest(32)))).toEqual({ code: 'MAX_DEPTH', status: 400 });
  });
});

describe('KVS set options', () => {
  it('FAIL_IF_EXISTS writes once, then fails with KEY_CONFLICT (409) while the key lives', async () => {
    await kvs.set('lock:sync', { by: 'a' }, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 30, unit: 'SECONDS' } });
    expect(await kvsErrorOf(kvs.set('lock:sync', { by: 'b' }, { keyPolicy: 'FAIL_IF_EXISTS' }))).toEqual({ code: 'KEY_CONFLICT', status: 409 });
    expect(await kvs.get('lock:sync')).toEqual({ by: 'a' });
    rt.runtime.clock.advance(31_000);
    await kvs.set('lock:sync', { by: 'b' }, { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await kvs.get('lock:sync')).toEqual({ by: 'b' });
  });

  it('returns the PREVIOUS or LATEST value when asked', async () => {
    expect(await kvs.set('counter', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    expect(await kvs.set('counter', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({ key: 'counter', value: 1 });
    expect(await kvs.set('counter', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({ key: 'counter', value: 3 });
  });

  it('expires keys after their TTL (runtime clock, no waiting) and reports the expiry time', async () => {
    await kvs.set('session', 'x', { ttl: { value: 2, unit: 'MINUTES' } });
    const meta = await kvs.get('session', { metadataFields: [MetadataField.EXPIRE_TIME, MetadataField.CREATED_AT] });
    expect(meta).toMatchObject({ key: 'session', value: 'x', createdAt: expect.any(Number) as unknown });
    expect(Date.parse(meta?.expireTime ?? '') - (meta?.createdAt ?? 0)).toBe(120_000);
    rt.runtime.clock.advance(119_000);
    expect(await kvs.get('session')).toBe('x');
    rt.runtime.clock.advance(1_000);
    expect(await kvs.get('session')).toBeUndefined();
  });

  it('deletes keys (missing keys too)', async () => {
    await kvs.set('gone', 1);
    await kvs.delete('gone');
    await kvs.delete('never-there');
    expect(await kvs.get('gone')).toBeUndefined();
  });
});

describe('KVS secrets', () => {
  it('keeps secrets in their own namespace, out of get and query', async () => {
    await kvs.setSecret('adminApiKey', 'secret-token');
    expect(await kvs.getSecret('adminApiKey')).toBe('secret-token');
    expect(await kvs.get('adminApiKey')).toBeUndefined();
    expect((await kvs.query().getMany()).results).toEqual([]);
    await kvs.set('adminApiKey', 'plain');
    expect(await kvs.getSecret('adminApiKey')).toBe('secret-token');
    await kvs.deleteSecret('adminApiKey');
    expect(await kvs.getSecret('adminApiKey')).toBeUndefined();
    expect(await kvs.get('adminApiKey')).toBe('plain');
  });

  it('applies the key rules to secrets', async () => {
    expect(await kvsErrorOf(kvs.setSecret('bad/key', 'x'))).toEqual({ code: 'INVALID_KEY', status: 400 });
  });
});
