import { useForgeRuntime } from '../../support/forgeRuntime';
import { KvsLock } from '../../../src/adapters/kvs/kvsLock';

const rt = useForgeRuntime({ sql: false });
const lock = new KvsLock();
beforeEach(() => {
  rt.reset();
});

describe('KvsLock (FAIL_IF_EXISTS + TTL)', () => {
  it('lets exactly one of many concurrent callers acquire a lock', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => lock.acquire('sync', 60)));
    expect(results.filter((lease) => lease !== null)).toHaveLength(1);
  });

  it('is free again after release', async () => {
    const lease = await lock.acquire('tick:2025-06-15T03', 60);
    expect(lease).toEqual({ name: 'tick:2025-06-15T03', token: expect.any(String) as string });
    expect(await lock.acquire('tick:2025-06-15T03', 60)).toBeNull();
    await lock.release(lease!);
    expect(await lock.acquire('tick:2025-06-15T03', 60)).not.toBeNull();
    await lock.release({ name: 'never-held', token: 'x' });
  });

  it('expires by itself when the holder dies (TTL)', async () => {
    expect(await lock.acquire('sync', 30)).not.toBeNull();
    rt.runtime.clock.advance(29_000);
    expect(await lock.acquire('sync', 30)).toBeNull();
    rt.runtime.clock.advance(2_000);
    expect(await lock.acquire('sync', 30)).not.toBeNull();
  });

  it('keeps different locks independent and refuses bad names or TTLs', async () => {
    expect(await lock.acquire('a', 10)).not.toBeNull();
    expect(await lock.acquire('b', 10)).not.toBeNull();
    await expect(lock.acquire('bad name!', 10)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(lock.acquire('c', 0)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
