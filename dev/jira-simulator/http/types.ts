import type { JiraSite } from '../model';
import type { SiteIndex } from '../siteIndex';

/** A request to the simulated site: method, path with query string, headers, caller. */
export interface SimRequest {
  method: string;
  /** Path and query as `requestJira` sends them, e.g. `/rest/api/3/project/search?startAt=0`. */
  path: string;
  headers?: Record<string, string> | Headers;
  body?: string | null;
  /**
   * Who calls: an account id for `asUser()`, null or absent for the app (`asApp()`, plain `requestJira`).
   */
  accountId?: string | null;
}

/** The simulated answer: status, headers and the body text (JSON, or empty). */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The operations the simulator serves (the documents' operationIds; JSM's desk organizations renamed). */
export const OPERATIONS = [
  'getMyPermissions',
  'searchProjects',
  'getProjectRoles',
  'getProjectRole',
  'getUsersFromGroup',
  'getServiceDesks',
  'getCustomers',
  'getOrganizations',
  'getUsersInOrganization',
  'getServiceDeskOrganizations',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** What a handler sees of a request. */
export interface HandlerContext {
  site: JiraSite;
  index: SiteIndex;
  baseUrl: string;
  /** Path parameters in pattern order, already decoded. */
  params: string[];
  query: URLSearchParams;
  /** Header names lowercased. */
  headers: ReadonlyMap<string, string>;
  accountId: string | null;
}

/** A handler's answer before headers are added; `body` undefined means an empty body. */
export interface HandlerResult {
  status: number;
  body?: unknown;
}

/** One route of the simulator. */
export interface RouteDef {
  operation: Operation;
  /** JSM answers errors as ErrorResponse; Jira as ErrorCollection. */
  family: 'jira' | 'jsm';
  pattern: RegExp;
  handle: (ctx: HandlerContext) => HandlerResult;
}
