import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { callerSchema, MAX_CALLERS, type Caller } from '../../domain/model/caller';
import { DomainError } from '../../domain/model/errors';
import type { CallerRepository, RequestCounter } from '../../domain/ports/callerRepository';
import { kvsCall } from './kvsErrors';
import { kvsKeys } from './kvsKeys';

const isoDate = z.iso.datetime().transform((s) => new Date(s));
const storedCallerSchema = callerSchema.extend({ createdAt: isoDate, revokedAt: isoDate.nullable() });
const storedUseSchema = z.object({ at: isoDate });
const storedCountSchema = z.object({ count: z.number().int().nonnegative() });

/** Every value under a key prefix (at most `limit`, one KVS page). */
const underPrefix = async (prefix: string, limit: number): Promise<{ key: string; value: unknown }[]> => {
  const page = await kvsCall('query callers', () => kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(limit).getMany<unknown>());
  return page.results;
};

const parseCaller = (value: unknown): Caller => {
  const parsed = storedCallerSchema.safeParse(value);
  if (!parsed.success) throw new DomainError('INTERNAL', 'A stored caller cannot be read');
  return parsed.data;
};

/** Callers in KVS, one key each (`caller:<id>`), their last use under `caller-used:<id>`. */
export class KvsCallerRepository implements CallerRepository {
  async list(): Promise<Caller[]> {
    const rows = await underPrefix(kvsKeys.caller(''), MAX_CALLERS);
    return rows.map((r) => parseCaller(r.value)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  async get(id: string): Promise<Caller | null> {
    const value = await kvsCall('get caller', () => kvs.get<unknown>(kvsKeys.caller(id)));
    return value === undefined ? null : parseCaller(value);
  }

  async save(caller: Caller): Promise<void> {
    const stored = { ...callerSchema.parse(caller), createdAt: caller.createdAt.toISOString(), revokedAt: caller.revokedAt?.toISOString() ?? null };
    await kvsCall('set caller', () => kvs.set(kvsKeys.caller(caller.id), stored));
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await kvsCall('set caller use', () => kvs.set(kvsKeys.callerUsed(id), { at: at.toISOString() }));
  }

  async lastUsed(ids: readonly string[]): Promise<Map<string, Date>> {
    const prefix = kvsKeys.callerUsed('');
    const rows = await underPrefix(prefix, MAX_CALLERS);
    const used = new Map<string, Date>();
    for (const row of rows) {
      const parsed = storedUseSchema.safeParse(row.value);
      const id = row.key.slice(prefix.length);
      if (parsed.success && ids.includes(id)) used.set(id, parsed.data.at);
    }
    return used;
  }
}

/** A window's count lives two minutes, then KVS drops it. */
const WINDOW_TTL_SECONDS = 120;

/**
 * Requests per caller and minute as a KVS counter per window. Read, add one, write: two requests at the same
 * instant may both count once less, which a per-minute bound against a runaway automation tolerates.
 */
export class KvsRequestCounter implements RequestCounter {
  async hit(callerId: string, windowStart: Date): Promise<number> {
    const key = kvsKeys.callerRate(callerId, windowStart.getTime());
    const parsed = storedCountSchema.safeParse(await kvsCall('get request count', () => kvs.get<unknown>(key)));
    const count = (parsed.success ? parsed.data.count : 0) + 1;
    await kvsCall('set request count', () => kvs.set(key, { count }, { ttl: { value: WINDOW_TTL_SECONDS, unit: 'SECONDS' } }));
    return count;
  }
}
