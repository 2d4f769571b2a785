/** `POST /api/v1/query`: keys with a prefix (`BEGINS_WITH`), in key order, paged with an opaque cursor. */
import type { z } from 'zod';
import { errorResponse, jsonResponse } from '../http';
import type { QueryBody } from './kvsSchemas';
import type { KvsService } from './kvsService';

function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ after: key }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string | undefined {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return typeof v === 'object' && v !== null && 'after' in v && typeof v.after === 'string' ? v.after : undefined;
  } catch {
    return undefined;
  }
}

/** Answers a KVS list query (secrets and entities are never listed). */
export function queryKeys(kvs: KvsService, q: z.infer<typeof QueryBody>): Response {
  const limit = q.limit ?? kvs.limits.defaultQueryLimit;
  if (limit < 1 || limit > kvs.limits.maxQueryLimit) {
    return errorResponse(400, 'LIST_QUERY_LIMIT_EXCEEDED', `Limit for list query should be between 1 and ${kvs.limits.maxQueryLimit}`);
  }
  const where = q.where ?? [];
  if (where.length > 1) return errorResponse(400, 'QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause');
  const clause = where[0];
  if (clause !== undefined && (clause.property !== 'key' || clause.condition !== 'BEGINS_WITH')) {
    return errorResponse(400, 'QUERY_WHERE_FIELD_INVALID', 'Only key BEGINS_WITH is supported');
  }
  const first = clause?.values[0];
  const prefix = typeof first === 'string' || typeof first === 'number' ? String(first) : '';
  let after: string | undefined;
  if (q.after !== undefined) {
    after = decodeCursor(q.after);
    if (after === undefined) return errorResponse(400, 'INVALID_CURSOR', 'The cursor is invalid');
  }
  const keys = kvs.store.keys('kvs').filter((k) => k.startsWith(prefix) && (after === undefined || k > after));
  const page = keys.slice(0, limit);
  const withExpiry = q.options?.metadataFields?.includes('EXPIRE_TIME') === true;
  const data = page.map((k) => {
    const r = kvs.getRecord('kvs', k);
    if ('status' in r) return { key: k, value: null };
    return { key: r.key, value: r.value, ...(withExpiry && r.expireTime !== undefined ? { expireTime: r.expireTime } : {}) };
  });
  const last = page.at(-1);
  return jsonResponse({ data, ...(keys.length > limit && last !== undefined ? { cursor: encodeCursor(last) } : {}) });
}
