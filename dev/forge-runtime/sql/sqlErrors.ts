/** Small helpers of the SQL service: request parsing and database error details. */

/** Parses JSON text; `undefined` when invalid. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Forge SQL parameters are JSON scalars. */
export function isScalarParam(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** The useful fields of a mysql2 error. */
export function dbError(e: unknown): { errno?: number; code?: string; sqlState?: string; message: string } {
  if (typeof e === 'object' && e !== null) {
    const r = e as Record<string, unknown>;
    return {
      ...(typeof r.errno === 'number' ? { errno: r.errno } : {}),
      ...(typeof r.code === 'string' ? { code: r.code } : {}),
      ...(typeof r.sqlState === 'string' ? { sqlState: r.sqlState } : {}),
      message: typeof r.message === 'string' ? r.message : 'database error',
    };
  }
  return { message: typeof e === 'string' ? e : 'database error' };
}
