import { z } from 'zod';
import { decodeCursor, scanPage } from '../cursor';
import type { SimGroup } from '../model';
import { HttpError, type HandlerContext, type SimRequest, type SimResponse } from '../http/route';
import { groupView, type GroupExpand } from '../views/groups';
import { param, parseBody, requireDirectory, requireOrg } from './common';

const list = (max: number) => z.array(z.string()).min(1).max(max);

/** MultiDirectoryGroupSearchRequest. */
const Body = z.object({
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(100).default(20),
  sortBy: z.array(z.object({ field: z.literal('name'), direction: z.enum(['asc', 'desc']) })).max(1).optional(),
  accountIds: list(10).optional(),
  directoryIds: list(10).optional(),
  roleIds: list(10).optional(),
  resourceOwners: list(10).optional(),
  resourceIds: list(20).optional(),
  searchTerm: z.string().optional(),
  groupIds: list(10).optional(),
  groupNames: z.array(z.string()).max(100).optional(),
  expand: z.array(z.enum(['counts.resources', 'counts.users'])).max(2).optional(),
});
const QuerySchema = Body.omit({ cursor: true }).extend({ directory: z.number().int().nullable() });
type Query = z.infer<typeof QuerySchema>;

/** POST /admin/v2/orgs/{orgId}/directories/{directoryId}/groups/search */
export function searchGroups(req: SimRequest, ctx: HandlerContext): SimResponse {
  requireOrg(ctx, req.params.orgId);
  const directory = requireDirectory(ctx, param(req.params, 'directoryId'));
  const body = parseBody(Body, req.body);
  if (body.searchTerm !== undefined && body.groupNames !== undefined) {
    throw new HttpError(400, 'ADMIN-400-24', 'searchTerm and groupNames are mutually exclusive');
  }
  const { cursor, ...rest } = body;
  const { query, offset } = cursor === undefined
    ? { query: { ...rest, directory } satisfies Query, offset: 0 }
    : decodeCursor(cursor, 'groups', (q) => QuerySchema.parse(q));
  const groups = ordered(ctx.state.org.groups, query);
  const match = matcher(ctx, query);
  const page = scanPage(groups.length, (i) => {
    const g = groups[i];
    return g !== undefined && match(g);
  }, { kind: 'groups', query, start: offset, limit: query.limit });
  const expand = new Set<GroupExpand>(query.expand ?? []);
  const data = page.indices.map((i) => groups[i]).filter((g) => g !== undefined)
    .map((g) => groupView(ctx.state, g, expand));
  return { status: 200, body: { data, links: page.links } };
}

function ordered(groups: SimGroup[], q: Query): SimGroup[] {
  const sort = q.sortBy?.[0];
  if (!sort) return groups;
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...groups].sort((a, b) => sign * (a.name.localeCompare(b.name) || a.id.localeCompare(b.id)));
}

function matcher(ctx: HandlerContext, q: Query): (g: SimGroup) => boolean {
  const { state } = ctx;
  const members = q.accountIds?.map((a) => state.user(a)?.index ?? -1);
  const ids = q.groupIds ? new Set(q.groupIds.map((g) => state.group(g)?.id ?? '')) : null;
  const names = q.groupNames ? new Set(q.groupNames.map((n) => n.toLowerCase())) : null;
  const dirIds = q.directoryIds ? new Set(q.directoryIds) : null;
  const roles = q.roleIds ? new Set(q.roleIds) : null;
  const resources = q.resourceIds ? new Set(q.resourceIds) : null;
  const owners = q.resourceOwners ? new Set(q.resourceOwners) : null;
  const term = q.searchTerm?.toLowerCase();
  const workspace = (i: number) => state.org.workspaces[i];
  return (g) => {
    if (q.directory !== null && g.directory !== q.directory) return false;
    if (dirIds && !dirIds.has(state.org.directories[g.directory]?.id ?? '')) return false;
    if (ids && !ids.has(g.id)) return false;
    if (names && !names.has(g.name.toLowerCase())) return false;
    if (term !== undefined && !g.name.toLowerCase().includes(term)) return false;
    if (members && !members.some((m) => g.members.has(m))) return false;
    if (roles && !g.grants.some((x) => roles.has(x.role))) return false;
    if (resources && !g.grants.some((x) => resources.has(workspace(x.workspace)?.id ?? ''))) return false;
    if (owners && !g.grants.some((x) => owners.has(workspace(x.workspace)?.product ?? ''))) return false;
    return true;
  };
}
