import { decodeCursor, scanPage } from '../cursor';
import { HttpError, type HandlerContext, type SimRequest, type SimResponse } from '../http/route';
import { param, queryInt, requireDirectory, requireOrg } from './common';
import { z } from 'zod';

const QuerySchema = z.object({
  limit: z.number(),
  resourceIds: z.array(z.string()),
  resourceOwners: z.array(z.string()),
  roleIds: z.array(z.string()),
  group: z.string(),
});

/** GET /admin/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/role-assignments */
export function groupRoleAssignments(req: SimRequest, ctx: HandlerContext): SimResponse {
  requireOrg(ctx, req.params.orgId);
  const directory = requireDirectory(ctx, param(req.params, 'directoryId'));
  const group = ctx.state.group(param(req.params, 'groupId'));
  if (!group || (directory !== null && group.directory !== directory)) {
    throw new HttpError(404, 'ADMIN-404-10', 'Group not found');
  }
  const cursor = req.query.get('cursor');
  const { query, offset } = cursor !== null
    ? decodeCursor(cursor, 'group-roles', (q) => QuerySchema.parse(q))
    : {
      offset: 0,
      query: {
        limit: queryInt(req.query, 'limit', 1, 100, 20),
        resourceIds: req.query.getAll('resourceIds'),
        resourceOwners: req.query.getAll('resourceOwners'),
        roleIds: req.query.getAll('roleIds'),
        group: group.id,
      },
    };
  if (query.group !== group.id) throw new HttpError(400, 'ADMIN-400-1', 'Invalid page cursor');
  const byResource = new Map<number, string[]>();
  for (const g of group.grants) byResource.set(g.workspace, [...(byResource.get(g.workspace) ?? []), g.role]);
  const rows = [...byResource.entries()].map(([w, roles]) => ({ ws: ctx.state.org.workspaces[w], roles }))
    .filter((r) => r.ws !== undefined)
    .filter((r) => query.resourceIds.length === 0 || query.resourceIds.includes(r.ws?.id ?? ''))
    .filter((r) => query.resourceOwners.length === 0 || query.resourceOwners.includes(r.ws?.product ?? ''))
    .filter((r) => query.roleIds.length === 0 || r.roles.some((x) => query.roleIds.includes(x)));
  const page = scanPage(rows.length, () => true, { kind: 'group-roles', query, start: offset, limit: query.limit });
  const data = page.indices.map((i) => rows[i]).filter((r) => r !== undefined).map((r) => ({
    resourceId: r.ws?.id ?? '',
    resourceOwner: r.ws?.product ?? '',
    defaultRole: group.isDefault ? (r.roles[0] ?? null) : null,
    roles: r.roles,
  }));
  return { status: 200, body: { data, links: page.links } };
}
