import type { ProjectRoleMember, ServiceDeskCustomer, SiteDirectory } from '../../domain/ports/siteDirectory';
import { CustomerWalk } from './customerWalk';
import { JiraReader, type JiraReadOptions } from './jiraReader';
import { RoleWalk, type WalkLimits } from './roleWalk';
import {
  customerCursorSchema,
  decodeCursor,
  encodeCursor,
  firstCustomerCursor,
  firstRoleCursor,
  roleCursorSchema,
} from './siteCursor';

/** Options of the Jira/JSM site directory: how requests are retried, and how much one page may do. */
export interface SiteDirectoryOptions extends JiraReadOptions {
  /** A page stops once it holds at least this many items (default 500; a page may hold up to 49 more). */
  pageSize?: number;
  /** A page stops after this many requests, retries not counted (default 20). */
  maxCallsPerPage?: number;
}

/**
 * The SiteDirectory port over Jira platform and JSM REST, called as the app through @forge/api `requestJira`.
 *
 * - `projectRoleMembers`: projects → roles → actors; group actors expanded through `group/member` (paged, inactive
 *   users included). One item per (project, role, account, via group).
 * - `serviceDeskCustomers`: service desks → their organizations' users → their direct customers (with
 *   `X-ExperimentalApi: opt-in`). An account may appear several times for one desk (directly, and once per
 *   organization); merge by union of `organizationIds`.
 *
 * Each call does a bounded amount of work and returns an opaque cursor for the next (null at the end), so a sync
 * slice can stop between pages and a later slice resume. 429s are waited out (`Retry-After`) and retried a bounded
 * number of times, then RATE_LIMITED; persistent 5xx become UPSTREAM_FAILED, 401/403 FORBIDDEN; a malformed
 * cursor is VALIDATION_FAILED.
 */
export class JiraSiteDirectory implements SiteDirectory {
  private readonly http: JiraReader;
  private readonly limits: WalkLimits;

  constructor(options: SiteDirectoryOptions = {}) {
    this.http = new JiraReader(options);
    this.limits = {
      pageSize: Math.max(1, options.pageSize ?? 500),
      maxCallsPerPage: Math.max(1, options.maxCallsPerPage ?? 20),
    };
  }

  async projectRoleMembers(cursor: string | null): Promise<{ items: ProjectRoleMember[]; next: string | null }> {
    const position = cursor === null ? firstRoleCursor() : decodeCursor(cursor, roleCursorSchema);
    const { items, done } = await new RoleWalk(this.http, this.limits).page(position);
    return { items, next: done ? null : encodeCursor(position) };
  }

  async serviceDeskCustomers(cursor: string | null): Promise<{ items: ServiceDeskCustomer[]; next: string | null }> {
    const position = cursor === null ? firstCustomerCursor() : decodeCursor(cursor, customerCursorSchema);
    const { items, done } = await new CustomerWalk(this.http, this.limits).page(position);
    return { items, next: done ? null : encodeCursor(position) };
  }
}
