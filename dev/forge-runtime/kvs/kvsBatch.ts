/**
 * Batch get/set/delete (`{ successfulKeys, failedKeys }`, each item judged on its own) and
 * all-or-nothing transactions (set/delete/check, at most 25 operations, each key once).
 */
import { z } from 'zod';
import { errorResponse, jsonResponse, emptyResponse } from '../http';
import { keyViolation, type KvsLimits } from './kvsRules';
import type { KvsService } from './kvsService';
import type { Namespace } from './kvsStore';
import { DeleteBody, GetBody, SetBody, TransactionBody } from './kvsSchemas';
import { satisfies } from './kvsConditions';

const ns = (entityName?: string): Namespace => (entityName === undefined ? 'kvs' : `entity:${entityName}`);
const keyOf = (key: unknown, entityName?: string): { key: string; entityName?: string } =>
  ({ key: typeof key === 'string' ? key : String(key), ...(entityName === undefined ? {} : { entityName }) });

/** Batch and transaction endpoints on top of a {@link KvsService}. */
export class KvsBatchOps {
  constructor(private readonly kvs: KvsService, private readonly limits: KvsLimits) {}

  private items<T extends z.ZodType>(body: unknown, item: T): z.infer<T>[] | Response {
    const parsed = z.array(item).safeParse(body);
    if (!parsed.success) return errorResponse(400, 'BAD_REQUEST', 'Provided request body is invalid');
    if (parsed.data.length > this.limits.maxBatchItems) {
      return errorResponse(400, 'BATCH_SIZE_EXCEEDED', `A batch accepts at most ${this.limits.maxBatchItems} items.`);
    }
    return parsed.data;
  }

  /** POST /api/v1/batch/get */
  get(body: unknown): Response {
    const items = this.items(body, GetBody);
    if (items instanceof Response) return items;
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const i of items) {
      const r = this.kvs.getRecord(ns(i.entityName), i.key);
      if ('status' in r) failedKeys.push({ ...keyOf(i.key, i.entityName), error: { code: r.code, message: r.message } });
      else successfulKeys.push({ ...r, ...(i.entityName === undefined ? {} : { entityName: i.entityName }) });
    }
    return jsonResponse({ successfulKeys, failedKeys });
  }

  /** POST /api/v1/batch/set */
  set(body: unknown): Response {
    const items = this.items(body, SetBody);
    if (items instanceof Response) return items;
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const i of items) {
      const r = this.kvs.setValue(ns(i.entityName), i);
      if (r !== undefined && 'status' in r) failedKeys.push({ ...keyOf(i.key, i.entityName), error: { code: r.code, message: r.message } });
      else successfulKeys.push(keyOf(i.key, i.entityName));
    }
    return jsonResponse({ successfulKeys, failedKeys });
  }

  /** POST /api/v1/batch/delete */
  delete(body: unknown): Response {
    const items = this.items(body, DeleteBody);
    if (items instanceof Response) return items;
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const i of items) {
      const r = this.kvs.deleteKey(ns(i.entityName), i.key);
      if (r === undefined) successfulKeys.push(keyOf(i.key, i.entityName));
      else failedKeys.push({ ...keyOf(i.key, i.entityName), error: { code: r.code, message: r.message } });
    }
    return jsonResponse({ successfulKeys, failedKeys });
  }

  /** POST /api/v1/transaction: validates everything, checks every condition, then applies. */
  transact(body: unknown): Response {
    const parsed = TransactionBody.safeParse(body);
    if (!parsed.success) return errorResponse(400, 'BAD_REQUEST', 'Provided request body is invalid');
    const { set = [], delete: deletes = [], check = [] } = parsed.data;
    const all = [...set, ...deletes, ...check];
    if (all.length === 0) return errorResponse(400, 'BAD_REQUEST', 'A transaction needs at least one operation.');
    if (all.length > this.limits.maxTransactionOps) {
      return errorResponse(400, 'TOO_MANY_OPERATIONS', `A transaction accepts at most ${this.limits.maxTransactionOps} operations.`);
    }
    const ids = all.map((o) => `${o.entityName ?? ''}\u0000${String(o.key)}`);
    if (new Set(ids).size !== ids.length) return errorResponse(400, 'DUPLICATE_KEYS', 'Each key can only be used once in a transaction.');
    for (const op of [...deletes, ...check]) {
      const v = keyViolation(op.key, this.limits);
      if (v !== undefined) return errorResponse(400, v.code, v.message);
    }
    const ttls: (number | undefined)[] = [];
    for (const s of set) {
      const c = this.kvs.checkSet(ns(s.entityName), s);
      if ('status' in c) return errorResponse(c.status, c.code, c.message);
      ttls.push(c.ttl);
    }
    for (const op of [...set, ...deletes, ...check]) {
      if (op.conditions === undefined) continue;
      const current = this.kvs.store.get(ns(op.entityName), String(op.key));
      if (!satisfies(current?.value, op.conditions)) {
        return errorResponse(409, 'CONDITION_CHECK_FAILED', `The condition on key '${String(op.key)}' was not met; nothing was written.`);
      }
    }
    set.forEach((s, i) => { this.kvs.store.set(ns(s.entityName), String(s.key), s.value, ttls[i]); });
    deletes.forEach((d) => { this.kvs.store.delete(ns(d.entityName), String(d.key)); });
    return emptyResponse(200);
  }
}
