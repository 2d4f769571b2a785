import { useForgeRuntime } from '../../support/forgeRuntime';
import { kvs, WhereConditions, Filter, FilterConditions } from '@forge/kvs';
import { kvsErrorOf } from './kvsErrorOf';

const rt = useForgeRuntime({ sql: false });
beforeEach(() => { rt.reset(); });

describe('KVS beginsWith queries with cursors', () => {
  it('pages through matching keys in key order with limit and cursor', async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`job:${String(i).padStart(2, '0')}`, { i });
    await kvs.set('other', 1);
    const seen: string[] = [];
    let cursor: string | undefined;
    const pageSizes: number[] = [];
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('job:')).limit(10);
      if (cursor !== undefined) q = q.cursor(cursor);
      const page = await q.getMany<{ i: number }>();
      pageSizes.push(page.results.length);
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(pageSizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `job:${String(i).padStart(2, '0')}`));
  });

  it('returns one result with getOne and nothing for an unknown prefix', async () => {
    await kvs.set('a:1', 1);
    expect(await kvs.query().where('key', WhereConditions.beginsWith('a:')).getOne()).toEqual({ key: 'a:1', value: 1 });
    expect((await kvs.query().where('key', WhereConditions.beginsWith('zz')).getMany()).results).toEqual([]);
  });

  it('refuses limits over 100 and malformed cursors', async () => {
    expect(await kvsErrorOf(kvs.query().limit(101).getMany())).toEqual({ code: 'LIST_QUERY_LIMIT_EXCEEDED', status: 400 });
    expect(await kvsErrorOf(kvs.query().cursor('not-a-cursor').getMany())).toEqual({ code: 'INVALID_CURSOR', status: 400 });
  });
});

describe('KVS batch operations', () => {
  it('sets, gets and deletes in batches, reporting each failed key', async () => {
    const set = await kvs.batchSet([{ key: 'b:1', value: 1 }, { key: 'b/2', value: 2 }, { key: 'b:3', value: 3 }]);
    expect(set.successfulKeys).toEqual([{ key: 'b:1' }, { key: 'b:3' }]);
    expect(set.failedKeys).toEqual([{ key: 'b/2', error: { code: 'INVALID_KEY', message: expect.any(String) as unknown } }]);
    const got = await kvs.batchGet([{ key: 'b:1' }, { key: 'b:2' }, { key: 'b:3' }]);
    expect(got.successfulKeys.map((r) => [r.key, r.value])).toEqual([['b:1', 1], ['b:3', 3]]);
    expect(got.failedKeys.map((f) => [f.key, f.error.code])).toEqual([['b:2', 'KEY_NOT_FOUND']]);
    const deleted = await kvs.batchDelete([{ key: 'b:1' }, { key: 'b:3' }]);
    expect(deleted.successfulKeys).toHaveLength(2);
    expect(await kvs.get('b:1')).toBeUndefined();
  });

  it('refuses batches of more than 25 items', async () => {
    const items = Array.from({ length: 26 }, (_, i) => ({ key: `k${String(i)}`, value: i }));
    expect(await kvsErrorOf(kvs.batchSet(items))).toEqual({ code: 'BATCH_SIZE_EXCEEDED', status: 400 });
  });
});

describe('KVS transactions', () => {
  it('applies sets and deletes together', async () => {
    await kvs.set('old', 1);
    await kvs.transact().set('new', { v: 1 }).set('ttl', 2, undefined, { ttl: { value: 1, unit: 'SECONDS' } }).delete('old').execute();
    expect(await kvs.get('new')).toEqual({ v: 1 });
    expect(await kvs.get('old')).toBeUndefined();
    rt.runtime.clock.advance(1000);
    expect(await kvs.get('ttl')).toBeUndefined();
  });

  it('writes nothing when an operation is invalid', async () => {
    expect(await kvsErrorOf(kvs.transact().set('ok', 1).set('bad/key', 2).execute())).toEqual({ code: 'INVALID_KEY', status: 400 });
    expect(await kvs.get('ok')).toBeUndefined();
  });

  it('writes nothing when a check condition fails, and commits when it holds', async () => {
    await kvs.entity<{ owner: string }>('locks').set('sync', { owner: 'worker-a' });
    const ownedBy = (owner: string) => ({ entityName: 'locks', conditions: new Filter<{ owner: string }>().and('owner', FilterConditions.equalTo(owner)) });
    expect(await kvsErrorOf(kvs.transact().set('progress', 1).check('sync', ownedBy('worker-b')).execute()))
      .toEqual({ code: 'CONDITION_CHECK_FAILED', status: 409 });
    expect(await kvs.get('progress')).toBeUndefined();
    await kvs.transact().set('progress', 2).check('sync', ownedBy('worker-a')).execute();
    expect(await kvs.get('progress')).toBe(2);
  });

  it('refuses duplicate keys and more than 25 operations', async () => {
    expect(await kvsErrorOf(kvs.transact().set('k', 1).delete('k').execute())).toEqual({ code: 'DUPLICATE_KEYS', status: 400 });
    let tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx = tx.set(`k${String(i)}`, i);
    expect(await kvsErrorOf(tx.execute())).toEqual({ code: 'TOO_MANY_OPERATIONS', status: 400 });
  });
});
