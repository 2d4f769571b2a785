import type { SimApiKey } from '../model';
import type { SimulatorState } from '../state';

/** Rate-limit and counting classes: one per endpoint (or pair of endpoints that act as one, like suspend/restore). */
export const ENDPOINT_CLASSES = [
  'orgs',
  'directories',
  'workspaces',
  'users-search',
  'groups-search',
  'group-role-assignments',
  'last-active-dates',
  'user-suspension',
  'user-lifecycle',
  'user-roles',
  'group-memberships',
  'api-keys',
  'events-stream',
] as const;

/** One of ENDPOINT_CLASSES. */
export type EndpointClass = (typeof ENDPOINT_CLASSES)[number];

/**
 * How an operation's error bodies look, per the spec: `errors` = `{errors:[{id,status,code,title,detail}]}`
 * (Errors, Errors.ApplicationErrors.Model, Error.*.Model, ApiErrorResponse); `proxy` = ProxyError `{code,message}`;
 * `application-error` = a bare ApplicationError; `none` = no body; `key` = the User management API's `{key}` bodies;
 * `api-access` = the API Access API's ErrorResponse.
 */
export type ErrorStyle = 'errors' | 'proxy' | 'application-error' | 'none' | 'key' | 'api-access';

/** A parsed request as handlers see it. */
export interface SimRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when there was none. */
  body: unknown;
  key: SimApiKey;
}

/** What a handler answers. */
export interface SimResponse {
  status: number;
  body?: unknown;
}

/** Everything a handler may use. */
export interface HandlerContext {
  state: SimulatorState;
  /** Current time of the simulator clock (epoch ms). */
  now: number;
  /** Base URL of the running server, for `links.self` values that are URLs. */
  baseUrl: string;
  /** Whether the operation's spec declares an error status (handlers prefer declared statuses). */
  declares: (status: number) => boolean;
}

/** One served operation. */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path template as in the spec, with the base path (/admin, /admin/api-access/v1 or none) in front. */
  template: string;
  cls: EndpointClass;
  /** Scope a scoped key needs; null = the spec lists none (scoped keys are refused, see auth.ts). */
  scope: string | null;
  /** Error style per status; statuses missing here are answered in the style of `fallback`. */
  styles: Partial<Record<number, ErrorStyle>>;
  fallback: ErrorStyle;
  handle: (req: SimRequest, ctx: HandlerContext) => SimResponse;
}

/** An error answer a handler raises; the pipeline renders it in the route's style for that status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** A complete body that replaces the styled one (e.g. the User management API's 403 bodies). */
    readonly body?: unknown,
  ) {
    super(`${String(status)} ${code}: ${detail}`);
  }
}
