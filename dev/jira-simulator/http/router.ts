import { jiraRoutes } from '../handlers/jira';
import { jsmRoutes } from '../handlers/jsm';
import type { RouteDef, SimRequest } from './types';

const routes: readonly RouteDef[] = [...jiraRoutes, ...jsmRoutes];

/** A request split into its route, decoded path parameters and query. */
export interface Matched {
  route: RouteDef | null;
  params: string[];
  query: URLSearchParams;
  pathname: string;
}

/** Finds the route of a `path?query` (null when the simulator does not serve it). */
export const matchRoute = (pathAndQuery: string): Matched => {
  const url = new URL(pathAndQuery, 'https://simulated.invalid');
  for (const route of routes) {
    const m = route.pattern.exec(url.pathname);
    if (m) return { route, params: m.slice(1).map((p) => decodeURIComponent(p)), query: url.searchParams, pathname: url.pathname };
  }
  return { route: null, params: [], query: url.searchParams, pathname: url.pathname };
};

/** Request headers as a lowercase-keyed map. */
export const headerMap = (headers: SimRequest['headers']): Map<string, string> => {
  const out = new Map<string, string>();
  if (headers === undefined) return out;
  if (headers instanceof Headers) headers.forEach((value, key) => out.set(key.toLowerCase(), value));
  else for (const [key, value] of Object.entries(headers)) out.set(key.toLowerCase(), value);
  return out;
};

/** The `X-RateLimit-*` headers for a decision; a refusal adds `Retry-After` and Jira's reason headers. */
export const rateHeaders = (
  d: { limit: number; remaining: number; resetAt: number },
  retryAfterSeconds: number | null,
): Record<string, string> => ({
  'x-ratelimit-limit': String(d.limit),
  'x-ratelimit-remaining': String(d.remaining),
  'x-ratelimit-reset': new Date(d.resetAt).toISOString(),
  ...(retryAfterSeconds === null
    ? {}
    : { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-nearlimit': 'true', 'ratelimit-reason': 'jira-burst-based' }),
});
