import { EVENT_ACTIONS } from '../generator/events';
import type { SimUser } from '../model';
import { HttpError, type HandlerContext, type SimRequest, type SimResponse } from '../http/route';
import { accountIdParam, param, requireDirectory, requireOrg } from './common';

function directoryUser(req: SimRequest, ctx: HandlerContext): SimUser {
  requireOrg(ctx, req.params.orgId);
  const directory = requireDirectory(ctx, param(req.params, 'directoryId'));
  const user = ctx.state.user(accountIdParam(req.params, 'accountId'));
  if (!user || (directory !== null && user.directory !== directory)) throw new HttpError(404, 'NOT_FOUND', 'User not found');
  return user;
}

/**
 * POST .../directories/{directoryId}/users/{accountId}/suspend: 204, idempotent. Org admins cannot be suspended
 * (403, the simulator's stand-in for "You're not allowed to perform this request").
 */
export function suspendUser(req: SimRequest, ctx: HandlerContext): SimResponse {
  const user = directoryUser(req, ctx);
  if (user.platformRoles.includes('atlassian/org-admin')) throw new HttpError(403, 'FORBIDDEN', 'Cannot suspend an org admin');
  if (user.membershipStatus !== 'suspended') {
    ctx.state.mutate(user, () => {
      user.membershipStatus = 'suspended';
    });
    ctx.state.record(ctx.now, EVENT_ACTIONS.suspended, req.key.id, [{ id: user.accountId, type: 'users' }]);
  }
  return { status: 204 };
}

/** POST .../users/{accountId}/restore: 204, idempotent; roles and groups come back. */
export function restoreUser(req: SimRequest, ctx: HandlerContext): SimResponse {
  const user = directoryUser(req, ctx);
  if (user.membershipStatus === 'suspended') {
    ctx.state.mutate(user, () => {
      user.membershipStatus = 'active';
    });
    ctx.state.record(ctx.now, EVENT_ACTIONS.restored, req.key.id, [{ id: user.accountId, type: 'users' }]);
  }
  return { status: 204 };
}

function managedAccount(req: SimRequest, ctx: HandlerContext): SimUser {
  const user = ctx.state.user(param(req.params, 'account_id'));
  if (!user) throw new HttpError(404, 'accountNotFound', 'Account not found', { key: 'accountNotFound' });
  const refuse = (reason: string): HttpError =>
    new HttpError(403, 'forbidden.action', reason, { key: 'forbidden.action', context: { allowed: false, reason: { key: reason } } });
  if (user.claimStatus !== 'managed') throw refuse('managedAccount');
  if (user.managementSource === 'synced') throw refuse('externalDirectory.scim');
  return user;
}

/**
 * POST /users/{account_id}/manage/lifecycle/disable: 204, idempotent. Only managed accounts (403 forbidden.action
 * `managedAccount` otherwise); accounts provisioned by SCIM are refused with `externalDirectory.scim`.
 */
export function disableAccount(req: SimRequest, ctx: HandlerContext): SimResponse {
  const user = managedAccount(req, ctx);
  if (user.accountStatus === 'active') {
    ctx.state.mutate(user, () => {
      user.accountStatus = 'inactive';
    });
    ctx.state.record(ctx.now, EVENT_ACTIONS.deactivated, req.key.id, [{ id: user.accountId, type: 'users' }]);
  }
  return { status: 204 };
}

/** POST /users/{account_id}/manage/lifecycle/enable: 204, idempotent. */
export function enableAccount(req: SimRequest, ctx: HandlerContext): SimResponse {
  const user = managedAccount(req, ctx);
  if (user.accountStatus !== 'active') {
    ctx.state.mutate(user, () => {
      user.accountStatus = 'active';
    });
    ctx.state.record(ctx.now, EVENT_ACTIONS.reactivated, req.key.id, [{ id: user.accountId, type: 'users' }]);
  }
  return { status: 204 };
}
