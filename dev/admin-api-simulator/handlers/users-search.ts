import { z } from 'zod';
import { decodeCursor, scanPage } from '../cursor';
import type { SimUser } from '../model';
import { HttpError, type HandlerContext, type SimRequest, type SimResponse } from '../http/route';
import { effectiveGrants, statusOf } from '../access';
import { userView, type UserExpand } from '../views/users';
import { param, parseBody, requireDirectory, requireOrg } from './common';

const list = (max: number) => z.array(z.string()).min(1).max(max);

/** MultiDirectoryUserSearchRequest (the fields the simulator filters on; others are accepted and ignored). */
const Body = z.object({
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(100).default(50),
  accountIds: list(10).optional(),
  directoryIds: list(10).optional(),
  resourceIds: list(20).optional(),
  groupIds: list(10).optional(),
  mfaEnabled: z.boolean().optional(),
  claimStatus: z.enum(['managed', 'unmanaged']).optional(),
  status: z.array(z.enum(['active', 'suspended', 'not_invited', 'deactivated', 'for_deletion'])).max(4).optional(),
  accountStatus: z.array(z.enum(['active', 'inactive', 'closed'])).max(3).optional(),
  membershipStatus: z.array(z.enum(['active', 'suspended', 'no_membership'])).max(3).optional(),
  roleIds: list(10).optional(),
  emailDomains: list(10).optional(),
  searchTerm: z.string().optional(),
  emails: z.array(z.string()).max(100).optional(),
  expand: z.array(z.enum(['platformRoles', 'counts.resources', 'productAccess', 'groups'])).optional(),
  sortBy: z.array(z.object({ field: z.literal('nick_name'), direction: z.enum(['asc', 'desc']) })).max(1).optional(),
});
const QuerySchema = Body.omit({ cursor: true }).extend({ directory: z.number().int().nullable() });
type Query = z.infer<typeof QuerySchema>;

/** POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search */
export function searchUsers(req: SimRequest, ctx: HandlerContext): SimResponse {
  requireOrg(ctx, req.params.orgId);
  const directory = requireDirectory(ctx, param(req.params, 'directoryId'));
  const body = parseBody(Body, req.body);
  if (body.searchTerm !== undefined && body.emails !== undefined) {
    throw new HttpError(400, 'ADMIN-400-24', 'searchTerm and emails are mutually exclusive');
  }
  const { cursor, ...rest } = body;
  const { query, offset } = cursor === undefined
    ? { query: { ...rest, directory } satisfies Query, offset: 0 }
    : decodeCursor(cursor, 'users', (q) => QuerySchema.parse(q));
  const users = ctx.state.org.users;
  const order = query.sortBy?.[0] ? ctx.state.nicknameOrder(query.sortBy[0].direction) : null;
  const match = matcher(ctx, query);
  const at = (i: number): SimUser | undefined => users[order ? (order[i] ?? -1) : i];
  const page = scanPage(users.length, (i) => {
    const u = at(i);
    return u !== undefined && match(u);
  }, { kind: 'users', query, start: offset, limit: query.limit });
  const expand = new Set<UserExpand>(query.expand ?? []);
  const data = page.indices.map((i) => at(i)).filter((u) => u !== undefined)
    .map((u) => userView(ctx.state, u, expand, query.directory));
  return { status: 200, body: { data, links: page.links } };
}

function matcher(ctx: HandlerContext, q: Query): (u: SimUser) => boolean {
  const { state } = ctx;
  const set = (xs: string[] | undefined): Set<string> | null => (xs ? new Set(xs.map((x) => x.toLowerCase())) : null);
  const accountIds = set(q.accountIds), emails = set(q.emails), domains = set(q.emailDomains), roles = set(q.roleIds);
  const dirIds = q.directoryIds ? new Set(q.directoryIds) : null;
  const groups = q.groupIds ? new Set(q.groupIds.map((g) => state.group(g)?.index ?? -1)) : null;
  const resources = q.resourceIds ? new Set(q.resourceIds.map((r) => state.workspace(r)?.index ?? -1)) : null;
  const term = q.searchTerm?.toLowerCase();
  return (u) => {
    if (q.directory !== null && u.directory !== q.directory) return false;
    if (dirIds && !dirIds.has(state.org.directories[u.directory]?.id ?? '')) return false;
    if (accountIds && !accountIds.has(u.accountId.toLowerCase())) return false;
    if (emails && !emails.has(u.email.toLowerCase())) return false;
    if (domains && !domains.has(u.email.slice(u.email.indexOf('@') + 1).toLowerCase())) return false;
    if (term !== undefined && !u.name.toLowerCase().includes(term) && !u.email.toLowerCase().includes(term)) return false;
    if (q.claimStatus && u.claimStatus !== q.claimStatus) return false;
    if (q.mfaEnabled !== undefined && u.mfaEnabled !== q.mfaEnabled) return false;
    if (q.status && !(q.status as string[]).includes(statusOf(u))) return false;
    if (q.accountStatus && !q.accountStatus.includes(u.accountStatus)) return false;
    if (q.membershipStatus && !q.membershipStatus.includes(u.membershipStatus)) return false;
    if (groups && !u.groups.some((g) => groups.has(g))) return false;
    const grants = resources || roles ? effectiveGrants(state.org, u) : [];
    if (resources && !grants.some((g) => resources.has(g.workspace))) return false;
    if (roles && !u.platformRoles.some((r) => roles.has(r)) && !grants.some((g) => roles.has(g.role))) return false;
    return true;
  };
}
