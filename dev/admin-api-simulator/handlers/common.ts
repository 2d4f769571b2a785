import type { z } from 'zod';
import { HttpError, type HandlerContext } from '../http/route';

/**
 * Refuses a path whose org is not the simulated org: 404 (ADMIN-404-2) where the operation declares 404, else 403,
 * else 401 (the key does not belong to that org).
 */
export function requireOrg(ctx: HandlerContext, orgId: string | undefined): void {
  if (orgId === ctx.state.org.id) return;
  const status = [404, 403].find((s) => ctx.declares(s)) ?? 401;
  const code = status === 404 ? 'ADMIN-404-2' : status === 403 ? 'ADMIN-403-3' : 'ADMIN-401-1';
  throw new HttpError(status, code, 'Organization not found for this API key');
}

/** The directory index for a path's directoryId; null for `-` (all directories); 404 when unknown. */
export function requireDirectory(ctx: HandlerContext, directoryId: string | undefined): number | null {
  const dir = ctx.state.directory(directoryId ?? '');
  if (dir === undefined) throw new HttpError(404, 'ADMIN-404-1', 'Directory not found');
  return dir === null ? null : dir.index;
}

/** Parses a JSON body with zod; a mismatch is a 400 (ADMIN-400-24, invalid request body). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    throw new HttpError(400, 'ADMIN-400-24', `Invalid request body: ${where}`);
  }
  return result.data;
}

/** An integer query parameter in [min, max], or the default; anything else is a 400. */
export function queryInt(query: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, 'ADMIN-400-24', `Invalid ${name}`);
  return n;
}

/** A path parameter (the router guarantees it exists). */
export function param(params: Record<string, string>, name: string): string {
  return params[name] ?? '';
}

/** An account id from the path; characters outside the documented `[a-zA-Z0-9_|:-]{1,128}` are a 400. */
export function accountIdParam(params: Record<string, string>, name: string): string {
  const id = param(params, name);
  if (!/^[a-zA-Z0-9_|:-]{1,128}$/.test(id)) throw new HttpError(400, 'ADMIN-400-24', 'Malformed account id');
  return id;
}
