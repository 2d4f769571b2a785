/**
 * Product requests (`requestJira`, `asApp()/asUser()`, stargate GraphQL) arrive as `__forge_fetch__`
 * calls of type `fpp`; the runtime hands them to a pluggable handler (the Jira/JSM simulators plug in
 * here). Without a handler the answer is a 404 naming the missing simulator.
 */
import { jsonResponse } from '../http';

/** One product request as the runtime proxy sees it. */
export interface ProductRequest {
  /** `jira`, `confluence`, `bitbucket` or `stargate`. */
  remote: string;
  /** `app` (asApp), `user` (asUser) or `none` (plain requestJira). */
  provider: string;
  /** The user the request runs as (asUser), when known. */
  accountId?: string;
  path: string;
  method: string;
  headers: Headers;
  body: string;
}

/** Answers product requests (a simulator). */
export type ProductHandler = (request: ProductRequest) => Response | Promise<Response>;

/** Egress `fetch` handler for allowed external URLs (an external-API simulator). */
export type EgressHandler = (url: URL, init: RequestInit | undefined) => Response | Promise<Response>;

/** The default product handler: nothing simulated yet. */
export const noProductHandler: ProductHandler = (request) =>
  jsonResponse({ errorMessages: [`forge-runtime: no handler for ${request.remote} ${request.method} ${request.path}`] }, 404);

/** The default egress handler: tests never reach the network. */
export const noEgressHandler: EgressHandler = (url) => {
  throw new TypeError(`forge-runtime: no egress handler installed for ${url.href} (tests do not reach the network)`);
};
