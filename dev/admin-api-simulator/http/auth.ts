import type { SimApiKey } from '../model';
import { Rng } from '../rng';
import { HttpError, type Route } from './route';

/** An API key the simulator should accept (or refuse in a particular way). */
export interface KeyOptions {
  token: string;
  /** expired and revoked keys get 401 on every call. Default valid. */
  kind?: 'valid' | 'expired' | 'revoked';
  /** Scopes of a scoped key; absent = unscoped (the kind the app needs). */
  scopes?: string[];
  label?: string;
  expiresAt?: Date | string | number;
}

/** The keys every simulator accepts unless told otherwise. */
export const DEFAULT_KEYS = {
  valid: 'sim-valid-key',
  expired: 'sim-expired-key',
  scoped: 'sim-scoped-key',
} as const;

/** Default key set: one unscoped valid key, one expired key, one key with read scopes only. */
export const DEFAULT_KEY_OPTIONS: KeyOptions[] = [
  { token: DEFAULT_KEYS.valid, label: 'license-optimizer' },
  { token: DEFAULT_KEYS.expired, kind: 'expired', label: 'old-key' },
  {
    token: DEFAULT_KEYS.scoped,
    label: 'read-only-scoped',
    scopes: ['read:orgs:admin', 'read:directories:admin', 'read:workspaces:admin', 'read:groups:admin', 'read:events:admin'],
  },
];

const DAY = 86_400_000;

/** Materializes key options at time `now` (the simulator clock, not the org's generation time). */
export function buildKeys(options: KeyOptions[], now: number, seed: string | number): SimApiKey[] {
  const rng = new Rng(`${String(seed)}:keys`);
  return options.map((k, i) => {
    const expiresAt = k.expiresAt !== undefined
      ? new Date(k.expiresAt).getTime()
      : k.kind === 'expired' ? now - DAY : now + 300 * DAY;
    return {
      id: rng.uuid(),
      token: k.token,
      label: k.label ?? `key-${String(i + 1)}`,
      scopes: k.scopes ?? null,
      createdAt: Math.min(now - 30 * DAY, expiresAt - 30 * DAY),
      expiresAt,
      lastActiveAt: now - DAY,
      revoked: k.kind === 'revoked',
    };
  });
}

/**
 * Checks the Bearer key. Missing, unknown, expired or revoked → 401. A scoped key on an operation whose scope it
 * lacks (or that lists no scope) → 403 where the operation declares 403, else 401 (the gateway's
 * ADMIN-401-2 "insufficient scope" seen in the field).
 */
export function authorize(route: Route, header: string | undefined, keys: SimApiKey[], now: number): SimApiKey {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  const key = keys.find((k) => k.token === token);
  if (!key) throw new HttpError(401, 'ADMIN-401-1', 'Unauthorized: missing or unknown API key');
  if (key.revoked || key.expiresAt <= now) throw new HttpError(401, 'ADMIN-401-1', 'Unauthorized: API key expired or revoked');
  key.lastActiveAt = now;
  if (key.scopes !== null && (route.scope === null || !key.scopes.includes(route.scope))) {
    const status = route.styles[403] !== undefined ? 403 : 401;
    const code = status === 403 ? 'ADMIN-403-3' : 'ADMIN-401-2';
    throw new HttpError(status, code, 'This API key does not have the scope this operation needs');
  }
  return key;
}
