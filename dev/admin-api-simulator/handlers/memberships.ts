import { z } from 'zod';
import { effectiveGrants, isBillableRole } from '../access';
import { EVENT_ACTIONS } from '../generator/events';
import type { SimGroup, SimUser } from '../model';
import { HttpError, type HandlerContext, type SimRequest, type SimResponse } from '../http/route';
import { accountIdParam, param, requireDirectory, requireOrg } from './common';

function lookup(req: SimRequest, ctx: HandlerContext, accountId: string): { group: SimGroup; user: SimUser } {
  requireOrg(ctx, req.params.orgId);
  const directory = requireDirectory(ctx, param(req.params, 'directoryId'));
  const group = ctx.state.group(param(req.params, 'groupId'));
  if (!group || (directory !== null && group.directory !== directory)) throw new HttpError(404, 'NOT_FOUND', 'Group not found');
  const user = ctx.state.user(accountId);
  if (!user || user.directory !== group.directory) throw new HttpError(404, 'NOT_FOUND', 'User not found in the group directory');
  if (group.synced) throw new HttpError(403, 'FORBIDDEN', 'Group is synced from an identity provider');
  return { group, user };
}

const Body = z.object({ accountId: z.string().min(1) });

/**
 * POST .../groups/{groupId}/memberships `{accountId}`: 204; 409 when the user is already a member or a product the
 * group grants has no free seat; 403 for IdP-synced groups; 404 for an unknown group or a user of another directory.
 */
export function addMember(req: SimRequest, ctx: HandlerContext): SimResponse {
  const body = Body.safeParse(req.body);
  if (!body.success) throw new HttpError(400, 'BAD_REQUEST', 'accountId is required');
  const { group, user } = lookup(req, ctx, body.data.accountId);
  if (group.members.has(user.index)) throw new HttpError(409, 'CONFLICT', 'The user is already in the group');
  const held = effectiveGrants(ctx.state.org, user);
  for (const grant of group.grants) {
    const ws = ctx.state.org.workspaces[grant.workspace];
    if (!ws || ws.capacity === null || !isBillableRole(grant.role)) continue;
    const hasSeat = held.some((g) => g.workspace === ws.index && isBillableRole(g.role));
    const counts = user.accountStatus === 'active' && user.membershipStatus === 'active';
    if (counts && !hasSeat && ctx.state.seats(ws.index) >= ws.capacity) {
      throw new HttpError(409, 'CONFLICT', `User limit of ${ws.name} exceeded`);
    }
  }
  ctx.state.mutate(user, () => {
    group.members.add(user.index);
    user.groups = [...user.groups, group.index];
  });
  ctx.state.record(ctx.now, EVENT_ACTIONS.addedToGroup, req.key.id, [
    { id: user.accountId, type: 'users' }, { id: group.id, type: 'groups' },
  ]);
  return { status: 204 };
}

/** DELETE .../groups/{groupId}/memberships/{accountId}: 204; 404 when the user is not (or no longer) a member. */
export function removeMember(req: SimRequest, ctx: HandlerContext): SimResponse {
  const { group, user } = lookup(req, ctx, accountIdParam(req.params, 'accountId'));
  if (!group.members.has(user.index)) throw new HttpError(404, 'NOT_FOUND', 'The user is not a member of the group');
  ctx.state.mutate(user, () => {
    group.members.delete(user.index);
    user.groups = user.groups.filter((g) => g !== group.index);
  });
  ctx.state.record(ctx.now, EVENT_ACTIONS.removedFromGroup, req.key.id, [
    { id: user.accountId, type: 'users' }, { id: group.id, type: 'groups' },
  ]);
  return { status: 204 };
}
