import { z } from 'zod';
import { decodeCursor } from '../cursor';
import { HttpError, type HandlerContext, type SimRequest, type SimResponse } from '../http/route';
import { param, requireOrg } from './common';

/** Product entries per last-active-dates page (small, so paging is exercised when a user has many products). */
export const LAST_ACTIVE_PAGE_SIZE = 5;

const QuerySchema = z.object({ accountId: z.string() });

/**
 * GET /admin/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates. Lists the products the user was ever
 * active in (never-active products are left out: "If the user has not accessed a product, product_access will be
 * empty"); keys are the legacy enum (`jira-service-desk` for JSM). Always has the data, also for the users whose
 * users/search `productAccess` lacks timestamps.
 */
export function lastActiveDates(req: SimRequest, ctx: HandlerContext): SimResponse {
  requireOrg(ctx, req.params.orgId);
  const accountId = param(req.params, 'accountId');
  const user = ctx.state.user(accountId);
  if (!user) throw new HttpError(404, 'ADMIN-404-8', 'User not found');
  const cursor = req.query.get('cursor');
  const offset = cursor === null ? 0 : decodeCursor(cursor, 'last-active', (q) => QuerySchema.parse(q)).offset;
  const entries = ctx.state.org.workspaces.flatMap((ws) => {
    const at = ctx.state.lastActive(user, ws.index);
    if (at === null) return [];
    const iso = new Date(at).toISOString();
    return [{ id: ws.id, key: ws.legacyKey, last_active: iso.slice(0, 10), last_active_timestamp: `${iso.slice(0, 19)}Z` }];
  });
  const added = new Date(user.addedToOrg).toISOString();
  const next = offset + LAST_ACTIVE_PAGE_SIZE < entries.length
    ? Buffer.from(JSON.stringify({ kind: 'last-active', query: { accountId }, offset: offset + LAST_ACTIVE_PAGE_SIZE })).toString('base64url')
    : undefined;
  return {
    status: 200,
    body: {
      data: {
        product_access: entries.slice(offset, offset + LAST_ACTIVE_PAGE_SIZE),
        added_to_org: added.slice(0, 10),
        added_to_org_timestamp: `${added.slice(0, 19)}Z`,
      },
      links: next === undefined ? {} : { next },
    },
  };
}
