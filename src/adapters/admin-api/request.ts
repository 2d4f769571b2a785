import type { Operation } from './config';

/** The three Admin API families and the path each one lives under (from the documents' `servers`). */
export type ApiFamily = 'organizations' | 'user-management' | 'api-access';

const familyRoot: Record<ApiFamily, string> = {
  organizations: '/admin',
  'user-management': '',
  'api-access': '/admin/api-access/v1',
};

/** One request as the gateway describes it; the HTTP client adds auth, pacing and retries. */
export interface ApiRequest {
  operation: Operation;
  method: 'GET' | 'POST' | 'DELETE';
  family: ApiFamily;
  /** Path within the family, segments already encoded (use `path`). */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** JSON body; `undefined` sends none. */
  body?: unknown;
}

/** Tagged template that URL-encodes every interpolated path segment (account ids hold `:`, group ARIs `/`). */
export const path = (strings: TemplateStringsArray, ...values: string[]): string =>
  strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(values[i] ?? '') : ''), '');

/** Absolute URL of a request against `baseUrl` (no trailing slash). */
export const urlOf = (baseUrl: string, req: ApiRequest): string => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined) query.set(name, String(value));
  }
  const qs = query.toString();
  return `${baseUrl}${familyRoot[req.family]}${req.path}${qs ? `?${qs}` : ''}`;
};
