import { useForgeRuntime } from '../../support/forgeRuntime';
import { kvs } from '@forge/kvs';
import { KvsLock, RELEASE_MARGIN_MS } from '../../../src/adapters/kvs/kvsLock';
import type { LockLease } from '../../../src/domain/ports/lock';

const rt = useForgeRuntime({ sql: false });
/** The lock on the runtime's clock, the one the KVS measures TTLs on (as in production: both are real time). */
const lock = new KvsLock(() => new Date(rt.runtime.clock.now()));
beforeEach(() => {
  rt.reset();
});

const take = async (name: string, ttlSeconds: number): Promise<LockLease> => {
  const lease = await lock.acquire(name, ttlSeconds);
  if (lease === null) throw new Error(`${name} is held`);
  return lease;
};

describe('KvsLock leases (release frees only its own holder)', () => {
  it('hands every acquisition its own random token, stored with the lock', async () => {
    const first = await take('bulk-start', 60);
    await lock.release(first);
    const second = await take('bulk-start', 60);
    expect(first.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.token).not.toBe(first.token);
    expect(await kvs.get('lock:bulk-start')).toEqual({ acquiredAt: expect.any(String) as string, token: second.token });
  });

  it("does not free the next holder's lock when a stale holder releases after its TTL expired", async () => {
    const stale = await take('sync', 30);
    rt.runtime.clock.advance(31_000);
    const current = await take('sync', 30);

    await lock.release(stale);
    expect(await lock.acquire('sync', 30)).toBeNull();
    expect(await kvs.get('lock:sync')).toMatchObject({ token: current.token });

    await lock.release(current);
    const next = await take('sync', 30);
    expect(next.token).not.toBe(current.token);
  });

  it('makes a second release harmless, also after someone else took the lock in between', async () => {
    const lease = await take('bulk-job:j-1', 60);
    await lock.release(lease);
    await lock.release(lease);
    const other = await take('bulk-job:j-1', 60);
    await lock.release(lease);
    expect(await lock.acquire('bulk-job:j-1', 60)).toBeNull();
    await lock.release(other);
    expect(await lock.acquire('bulk-job:j-1', 60)).not.toBeNull();
  });

  it('leaves a lease about to expire to lapse by itself instead of deleting it (the read-then-delete window)', async () => {
    const lease = await take('sync', 30);
    rt.runtime.clock.advance(30_000 - RELEASE_MARGIN_MS + 1_000);
    await lock.release(lease);
    expect(await lock.acquire('sync', 30)).toBeNull();
    rt.runtime.clock.advance(RELEASE_MARGIN_MS);
    expect(await lock.acquire('sync', 30)).not.toBeNull();
  });

  it('never deletes a lock stored without an owner token: it lapses with its TTL', async () => {
    await kvs.set('lock:sync', { acquiredAt: new Date(rt.runtime.clock.now()).toISOString() }, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 60, unit: 'SECONDS' } });
    await lock.release({ name: 'sync', token: '' });
    await lock.release({ name: 'sync', token: 'some-other-token' });
    expect(await lock.acquire('sync', 60)).toBeNull();
    rt.runtime.clock.advance(61_000);
    expect(await lock.acquire('sync', 60)).not.toBeNull();
  });

  it('ignores a release with a name no lock can have', async () => {
    await expect(lock.release({ name: 'bad name!', token: 'x' })).resolves.toBeUndefined();
  });
});
