import { AdminApiSimulator, DEFAULT_KEYS, type SimulatorOptions } from '../../dev/admin-api-simulator';
import { specForPath, validateResponse } from '../support/openapi';

/** The fixed "today" of the test organizations. */
export const ORG_NOW = '2026-06-01T12:00:00.000Z';

/** A simulator over a small org (override anything), not started yet. */
export function createSimulator(options: Partial<SimulatorOptions> = {}): AdminApiSimulator {
  return new AdminApiSimulator({ org: { users: 60, now: ORG_NOW, seed: 'contract' }, ...options });
}

/** A started simulator over a small org (override anything). Remember to stop it. */
export async function startSimulator(options: Partial<SimulatorOptions> = {}): Promise<AdminApiSimulator> {
  const sim = createSimulator(options);
  await sim.start();
  return sim;
}

/** An answer as the tests look at it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON body, undefined for an empty body. */
  body: unknown;
}

/** Calls the simulator with the valid key unless `key` says otherwise (null = no Authorization header). */
export async function call(
  sim: AdminApiSimulator,
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null } = {},
): Promise<Answer> {
  const key = options.key === undefined ? DEFAULT_KEYS.valid : options.key;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    out[k] = v;
  });
  return { status: res.status, headers: out, text, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Contract errors of an answer against the official document that serves `path`. */
export function contractErrors(method: string, path: string, answer: Answer): Promise<string[]> {
  return validateResponse(specForPath(path), method, path, answer.status, answer.body, answer.headers);
}

/** Narrows an unknown JSON value to a record (throws otherwise, failing the test). */
export function obj(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not an object: ${String(value)}`);
  return value as Record<string, unknown>;
}

/** Narrows an unknown JSON value to an array of records. */
export function list(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw new Error('not an array');
  return value.map(obj);
}
