/** Evaluates custom-entity filter conditions (`{ and?: [...], or?: [...] }`) used by transaction checks. */
import type { Conditions, Filter } from './kvsSchemas';

function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function matches(record: Record<string, unknown>, f: Filter): boolean {
  const v = record[f.property];
  const [x, y] = f.values;
  const c = compare(v, x);
  switch (f.condition) {
    case 'EXISTS': return v !== undefined;
    case 'NOT_EXISTS': return v === undefined;
    case 'EQUAL_TO': return v === x;
    case 'NOT_EQUAL_TO': return v !== x;
    case 'BEGINS_WITH': return typeof v === 'string' && typeof x === 'string' && v.startsWith(x);
    case 'CONTAINS': return typeof v === 'string' && typeof x === 'string' && v.includes(x);
    case 'NOT_CONTAINS': return typeof v === 'string' && typeof x === 'string' && !v.includes(x);
    case 'GREATER_THAN': return c !== undefined && c > 0;
    case 'GREATER_THAN_EQUAL_TO': return c !== undefined && c >= 0;
    case 'LESS_THAN': return c !== undefined && c < 0;
    case 'LESS_THAN_EQUAL_TO': return c !== undefined && c <= 0;
    case 'BETWEEN': {
      const hi = compare(v, y);
      return c !== undefined && hi !== undefined && c >= 0 && hi <= 0;
    }
    default: return false;
  }
}

/** True when the stored value satisfies the conditions (a missing value satisfies nothing but NOT_EXISTS). */
export function satisfies(value: unknown, conditions: Conditions): boolean {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const and = conditions.and ?? [];
  const or = conditions.or ?? [];
  return and.every((f) => matches(record, f)) && (or.length === 0 || or.some((f) => matches(record, f)));
}
