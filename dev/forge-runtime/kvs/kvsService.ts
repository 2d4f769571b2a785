/**
 * The `type: 'kvs'` side of `__forge_fetch__`: Forge KVS's `/api/v1/...` endpoints over the in-memory
 * {@link KvsStore}, answering with the bodies and `{ code, message }` errors the @forge/kvs SDK parses
 * (404 KEY_NOT_FOUND becomes `undefined` in the SDK; FAIL_IF_EXISTS on a live key is 409 KEY_CONFLICT).
 */
import type { z } from 'zod';
import { emptyResponse, errorResponse, jsonResponse, parseJsonBody } from '../http';
import type { RuntimeClock } from '../clock';
import { FORGE_KVS_LIMITS, keyViolation, ttlMs, valueViolation, type KvsLimits, type KvsViolation } from './kvsRules';
import { KvsStore, type Namespace } from './kvsStore';
import { DeleteBody, GetBody, QueryBody, SetBody } from './kvsSchemas';
import { KvsBatchOps } from './kvsBatch';
import { queryKeys } from './kvsQuery';

/** A failed operation: HTTP status plus Forge's error code and message. */
export interface KvsFailure extends KvsViolation {
  status: number;
}

function fail(status: number, v: KvsViolation): KvsFailure {
  return { status, ...v };
}

const respondFailure = (f: KvsFailure): Response => errorResponse(f.status, f.code, f.message);

/** Serves Forge KVS requests. */
export class KvsService {
  readonly store: KvsStore;
  readonly limits: KvsLimits;
  private readonly batch: KvsBatchOps;

  constructor(clock: RuntimeClock, limits: Partial<KvsLimits> = {}) {
    this.store = new KvsStore(clock);
    this.limits = { ...FORGE_KVS_LIMITS, ...limits };
    this.batch = new KvsBatchOps(this, this.limits);
  }

  /** Answers one `__forge_fetch__` call of type `kvs`. */
  handle(path: string, init: RequestInit | undefined): Response {
    const body = parseJsonBody(init);
    if (body === undefined) return errorResponse(400, 'BAD_REQUEST', 'Provided request body is invalid');
    const route = /^\/api\/v1\/(?:(secret|entity)\/)?(get|set|delete|query)$/.exec(path);
    if (route !== null) return this.single(route[1], route[2] ?? '', body);
    if (path === '/api/v1/batch/get') return this.batch.get(body);
    if (path === '/api/v1/batch/set') return this.batch.set(body);
    if (path === '/api/v1/batch/delete') return this.batch.delete(body);
    if (path === '/api/v1/transaction') return this.batch.transact(body);
    return errorResponse(404, 'NOT_FOUND', `Unknown KVS endpoint ${path}`);
  }

  private single(space: string | undefined, op: string, body: unknown): Response {
    const bad = (schema: z.ZodType): Response | undefined =>
      schema.safeParse(body).success ? undefined : errorResponse(400, 'BAD_REQUEST', 'Provided request body is invalid');
    if (op === 'query') {
      if (space !== undefined) return errorResponse(501, 'NOT_IMPLEMENTED', 'Custom entity queries are not supported by the local runtime.');
      return bad(QueryBody) ?? queryKeys(this, QueryBody.parse(body));
    }
    const ns = (entityName?: string): Namespace => space === 'secret' ? 'secret' : space === 'entity' ? `entity:${entityName ?? ''}` : 'kvs';
    if (op === 'get') {
      const b = GetBody.safeParse(body);
      if (!b.success) return errorResponse(400, 'BAD_REQUEST', 'Provided request body is invalid');
      const r = this.getRecord(ns(b.data.entityName), b.data.key);
      return 'status' in r ? respondFailure(r) : jsonResponse(r);
    }
    if (op === 'set') {
      const b = SetBody.safeParse(body);
      if (!b.success) return errorResponse(400, 'BAD_REQUEST', 'Provided request body is invalid');
      const r = this.setValue(ns(b.data.entityName), b.data);
      return r === undefined ? emptyResponse() : 'status' in r ? respondFailure(r) : jsonResponse(r);
    }
    const b = DeleteBody.safeParse(body);
    if (!b.success) return errorResponse(400, 'BAD_REQUEST', 'Provided request body is invalid');
    const r = this.deleteKey(ns(b.data.entityName), b.data.key);
    return r === undefined ? emptyResponse() : respondFailure(r);
  }

  /** get: the record or KEY_NOT_FOUND. */
  getRecord(ns: Namespace, key: unknown): ReturnType<typeof KvsStore.record> | KvsFailure {
    const v = keyViolation(key, this.limits);
    if (v !== undefined) return fail(400, v);
    const e = this.store.get(ns, key as string);
    if (e === undefined) return fail(404, { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
    return KvsStore.record(key as string, e);
  }

  /** Validation shared by set, batch set and transactional set. */
  checkSet(ns: Namespace, b: z.infer<typeof SetBody>): KvsFailure | { ttl?: number } {
    const v = keyViolation(b.key, this.limits) ?? valueViolation(b.value, this.limits);
    if (v !== undefined) return fail(400, v);
    const o = b.options;
    if (o?.keyPolicy === 'FAIL_IF_EXISTS' && o.returnValue !== undefined) {
      return fail(400, { code: 'BAD_REQUEST', message: 'returnValue requires keyPolicy OVERRIDE' });
    }
    if (o?.keyPolicy === 'FAIL_IF_EXISTS' && this.store.get(ns, b.key as string) !== undefined) {
      return fail(409, { code: 'KEY_CONFLICT', message: 'The key already exists and keyPolicy is FAIL_IF_EXISTS' });
    }
    if (o?.ttl === undefined) return {};
    const ttl = ttlMs(o.ttl);
    return typeof ttl === 'number' ? { ttl } : fail(400, ttl);
  }

  /** set: nothing, the PREVIOUS/LATEST record when asked, or a failure. */
  setValue(ns: Namespace, b: z.infer<typeof SetBody>): ReturnType<typeof KvsStore.record> | KvsFailure | undefined {
    const checked = this.checkSet(ns, b);
    if ('status' in checked) return checked;
    const key = b.key as string;
    const previous = this.store.set(ns, key, b.value, checked.ttl);
    const ret = b.options?.returnValue;
    if (ret === 'PREVIOUS') return previous === undefined ? undefined : KvsStore.record(key, previous);
    if (ret === 'LATEST') {
      const latest = this.store.get(ns, key);
      return latest === undefined ? undefined : KvsStore.record(key, latest);
    }
    return undefined;
  }

  /** delete: missing keys are fine. */
  deleteKey(ns: Namespace, key: unknown): KvsFailure | undefined {
    const v = keyViolation(key, this.limits);
    if (v !== undefined) return fail(400, v);
    this.store.delete(ns, key as string);
    return undefined;
  }
}
