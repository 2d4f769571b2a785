import { z } from 'zod';
import { effectiveGrants, isBillableRole } from '../access';
import { EVENT_ACTIONS } from '../generator/events';
import type { PlatformRole, ProductRole, SimUser, SimWorkspace } from '../model';
import { HttpError, type HandlerContext, type SimRequest, type SimResponse } from '../http/route';
import { param, requireOrg } from './common';

const Body = z.object({
  role: z.enum([
    'atlassian/user', 'atlassian/user-access-admin', 'atlassian/admin', 'atlassian/guest', 'atlassian/contributor',
    'atlassian/customer', 'atlassian/basic', 'atlassian/stakeholder', 'atlassian/site-admin', 'atlassian/org-admin',
  ]),
  resource: z.string().optional(),
});
type Role = z.infer<typeof Body>['role'];

/** Roles each product accepts (a product role outside this list is ADMIN-UAM-400-3). */
const VALID: Record<SimWorkspace['product'], readonly Role[]> = {
  'jira-software': ['atlassian/user', 'atlassian/admin', 'atlassian/guest', 'atlassian/user-access-admin', 'atlassian/basic'],
  'jira-servicedesk': ['atlassian/user', 'atlassian/admin', 'atlassian/customer', 'atlassian/user-access-admin'],
  confluence: ['atlassian/user', 'atlassian/admin', 'atlassian/guest', 'atlassian/user-access-admin', 'atlassian/contributor', 'atlassian/stakeholder'],
  bitbucket: ['atlassian/user', 'atlassian/admin'],
};

function parse(req: SimRequest, ctx: HandlerContext): { user: SimUser; role: Role; ws: SimWorkspace | null } {
  requireOrg(ctx, req.params.orgId);
  const body = Body.safeParse(req.body ?? {});
  if (!body.success) throw new HttpError(400, 'ADMIN-UAM-400-1', 'Bad request: role and resource expected');
  const user = ctx.state.user(param(req.params, 'userId'));
  if (!user) throw new HttpError(404, 'ADMIN-UAM-404-1', 'User not found');
  const { role, resource } = body.data;
  if (role === 'atlassian/org-admin') return { user, role, ws: null };
  if (resource === undefined) throw new HttpError(400, 'ADMIN-UAM-400-1', 'resource is required for this role');
  const ws = ctx.state.workspace(resource);
  if (!ws) throw new HttpError(404, 'ADMIN-UAM-404-1', 'Unknown resource');
  if (role !== 'atlassian/site-admin' && !VALID[ws.product].includes(role)) {
    throw new HttpError(400, 'ADMIN-UAM-400-3', `Role ${role} is not valid for ${ws.product}`);
  }
  return { user, role, ws };
}

function platform(role: Role): PlatformRole | null {
  return role === 'atlassian/org-admin' || role === 'atlassian/site-admin' ? role : null;
}

/** POST /admin/v1/orgs/{orgId}/users/{userId}/roles/assign: 204, idempotent; 409 ADMIN-UAM-409-3 when seats run out. */
export function assignRole(req: SimRequest, ctx: HandlerContext): SimResponse {
  const { user, role, ws } = parse(req, ctx);
  if (user.accountStatus !== 'active') throw new HttpError(400, 'ADMIN-UAM-400-2', 'User is inactive');
  const p = platform(role);
  if (p !== null) {
    if (!user.platformRoles.includes(p)) user.platformRoles = [...user.platformRoles, p];
  } else if (ws && !user.directRoles.some((g) => g.workspace === ws.index && g.role === role)) {
    const productRole = role as ProductRole;
    const hasSeat = effectiveGrants(ctx.state.org, user).some((g) => g.workspace === ws.index && isBillableRole(g.role));
    if (isBillableRole(productRole) && !hasSeat && ws.capacity !== null && ctx.state.seats(ws.index) >= ws.capacity) {
      throw new HttpError(409, 'ADMIN-UAM-409-3', 'Product license limit exceeded');
    }
    ctx.state.mutate(user, () => {
      user.directRoles = [...user.directRoles, { workspace: ws.index, role: productRole }];
    });
  }
  ctx.state.record(ctx.now, EVENT_ACTIONS.roleGranted, req.key.id, [{ id: user.accountId, type: 'users' }]);
  return { status: 204 };
}

/**
 * POST /admin/v1/orgs/{orgId}/users/{userId}/roles/revoke: 204, idempotent for a role the user does not hold.
 * A role the user holds only through a group is 409 ADMIN-UAM-409-2 (remove the group membership instead).
 */
export function revokeRole(req: SimRequest, ctx: HandlerContext): SimResponse {
  const { user, role, ws } = parse(req, ctx);
  const p = platform(role);
  if (p !== null) {
    user.platformRoles = user.platformRoles.filter((r) => r !== p);
  } else if (ws) {
    const direct = user.directRoles.some((g) => g.workspace === ws.index && g.role === role);
    const viaGroup = user.groups.some((gi) => ctx.state.org.groups[gi]?.grants.some((g) => g.workspace === ws.index && g.role === role));
    if (viaGroup && !direct) throw new HttpError(409, 'ADMIN-UAM-409-2', 'Role is granted through a group');
    ctx.state.mutate(user, () => {
      user.directRoles = user.directRoles.filter((g) => !(g.workspace === ws.index && g.role === role));
    });
  }
  ctx.state.record(ctx.now, EVENT_ACTIONS.roleRevoked, req.key.id, [{ id: user.accountId, type: 'users' }]);
  return { status: 204 };
}
