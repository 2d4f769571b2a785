/**
 * The documented key and value rules of Forge KVS (limits-kvs-ce, handling-errors-kvs): keys of
 * 1..500 characters matching `/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/`, JSON values of at most 240 KiB and
 * an object depth of at most 31.
 */

/** A rule violation: the error code Forge answers with and its message. */
export interface KvsViolation {
  code: string;
  message: string;
}

/** Limits enforced by the in-memory store, overridable for tests. */
export interface KvsLimits {
  maxKeyLength: number;
  maxValueBytes: number;
  maxDepth: number;
  /** Items per batch request and operations per transaction. */
  maxBatchItems: number;
  maxTransactionOps: number;
  /** Page size of `query()`: default and maximum. */
  defaultQueryLimit: number;
  maxQueryLimit: number;
}

/** The documented values (batch size 25 is our reading of the batch docs). */
export const FORGE_KVS_LIMITS: Readonly<KvsLimits> = Object.freeze({
  maxKeyLength: 500,
  maxValueBytes: 240 * 1024,
  maxDepth: 31,
  maxBatchItems: 25,
  maxTransactionOps: 25,
  defaultQueryLimit: 10,
  maxQueryLimit: 100,
});

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

/** Checks a key against Forge's rules. */
export function keyViolation(key: unknown, limits: KvsLimits): KvsViolation | undefined {
  if (typeof key !== 'string' || key.length === 0) return { code: 'KEY_TOO_SHORT', message: 'The key must have at least one character.' };
  if (key.length > limits.maxKeyLength) return { code: 'KEY_TOO_LONG', message: `The key exceeds ${limits.maxKeyLength} characters.` };
  if (!KEY_PATTERN.test(key)) return { code: 'INVALID_KEY', message: 'The key does not match /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/.' };
  return undefined;
}

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  let max = 0;
  for (const child of children) max = Math.max(max, depthOf(child));
  return max + 1;
}

/** Checks a value (already JSON-decoded) against the size and depth limits. */
export function valueViolation(value: unknown, limits: KvsLimits): KvsViolation | undefined {
  if (value === undefined) return { code: 'BAD_REQUEST', message: 'A value is required.' };
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > limits.maxValueBytes) return { code: 'MAX_SIZE', message: `The value is ${bytes} bytes; the maximum is ${limits.maxValueBytes}.` };
  if (depthOf(value) > limits.maxDepth) return { code: 'MAX_DEPTH', message: `The value is nested deeper than ${limits.maxDepth} levels.` };
  return undefined;
}

/** TTL as the SDK sends it. */
export interface Ttl {
  value: number;
  unit: string;
}

const UNIT_MS: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

/** TTL in milliseconds, or a violation for unknown units / non-positive values. */
export function ttlMs(ttl: Ttl): number | KvsViolation {
  const unit = UNIT_MS[ttl.unit];
  if (unit === undefined || !Number.isFinite(ttl.value) || ttl.value <= 0) {
    return { code: 'INVALID_TTL', message: 'ttl must be a positive value in SECONDS, MINUTES, HOURS or DAYS.' };
  }
  return ttl.value * unit;
}
