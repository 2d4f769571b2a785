import { z } from 'zod';
import { decodeCursor, scanPage } from '../cursor';
import type { SimWorkspace } from '../model';
import { HttpError, type HandlerContext, type SimRequest, type SimResponse } from '../http/route';
import { parseBody, requireOrg } from './common';

interface Filter {
  and?: Filter[];
  nor?: Filter[];
  field?: { name?: string; values?: string[] };
  searchWorkspaces?: string;
  value?: string;
}
const FilterSchema: z.ZodType<Filter> = z.lazy(() => z.object({
  and: z.array(FilterSchema).optional(),
  nor: z.array(FilterSchema).optional(),
  field: z.object({ name: z.string().optional(), values: z.array(z.string()).optional() }).optional(),
  searchWorkspaces: z.string().optional(),
  value: z.string().optional(),
  features: z.array(z.string()).optional(),
  policies: z.array(z.string()).optional(),
}));
const Body = z.object({
  query: FilterSchema.optional(),
  limit: z.number().int().min(1).max(1000).default(20),
  sort: z.array(z.object({ field: z.string().optional(), order: z.enum(['asc', 'desc']).optional() })).nullable().optional(),
  cursor: z.string().nullable().optional(),
});
const QuerySchema = Body.omit({ cursor: true });

/**
 * POST /admin/v2/orgs/{orgId}/workspaces: products on sites with seat capacity. Filters: `field` on id,
 * attributes.type / typeKey / status / name, `searchWorkspaces` (name contains), and/nor; features and policies are
 * accepted and ignored. Sort on `attributes.name` or `attributes.type`.
 */
export function searchWorkspaces(req: SimRequest, ctx: HandlerContext): SimResponse {
  requireOrg(ctx, req.params.orgId);
  const body = parseBody(Body, req.body);
  const { cursor, ...rest } = body;
  if (typeof cursor === 'string' && Object.keys(req.body as object).length > 1) {
    throw new HttpError(400, 'ADMIN-400-4', 'When a cursor is provided no other properties may be present');
  }
  const { query, offset } = typeof cursor === 'string'
    ? decodeCursor(cursor, 'workspaces', (q) => QuerySchema.parse(q))
    : { query: rest, offset: 0 };
  const all = sorted(ctx.state.org.workspaces, query.sort ?? []);
  const page = scanPage(all.length, (i) => {
    const ws = all[i];
    return ws !== undefined && (query.query === undefined || matches(ws, query.query));
  }, { kind: 'workspaces', query, start: offset, limit: query.limit });
  const total = all.filter((ws) => query.query === undefined || matches(ws, query.query)).length;
  const data = page.indices.map((i) => all[i]).filter((w) => w !== undefined).map((ws) => view(ctx, ws));
  return {
    status: 200,
    body: {
      data,
      links: page.links,
      meta: { pageSize: query.limit, startIndex: data.length > 0 ? offset : null, endIndex: data.length > 0 ? offset + data.length - 1 : null, total },
    },
  };
}

function attr(ws: SimWorkspace, name: string | undefined): string {
  if (name === 'id') return ws.id;
  if (name === 'attributes.name') return ws.name;
  if (name === 'attributes.status') return 'online';
  return ws.product;
}

function matches(ws: SimWorkspace, f: Filter): boolean {
  if (f.and && !f.and.every((x) => matches(ws, x))) return false;
  if (f.nor?.some((x) => matches(ws, x))) return false;
  if (f.field?.values && !f.field.values.includes(attr(ws, f.field.name))) return false;
  const term = f.searchWorkspaces ?? f.value;
  if (term !== undefined && !ws.name.toLowerCase().includes(term.toLowerCase())) return false;
  return true;
}

function sorted(list: SimWorkspace[], sort: { field?: string; order?: 'asc' | 'desc' }[]): SimWorkspace[] {
  const s = sort[0];
  if (!s?.field) return list;
  const sign = s.order === 'desc' ? -1 : 1;
  return [...list].sort((a, b) => sign * attr(a, s.field).localeCompare(attr(b, s.field)));
}

function view(ctx: HandlerContext, ws: SimWorkspace): Record<string, unknown> {
  const { org } = ctx.state;
  const admin = org.users[0];
  const seats = ctx.state.seats(ws.index);
  return {
    id: ws.id,
    type: 'workspaces',
    attributes: {
      name: ws.name,
      typeKey: ws.product,
      type: ws.product,
      owner: org.id,
      status: 'online',
      statusDetails: [],
      icons: {},
      avatars: {},
      labels: [],
      sandbox: { type: 'NONE' },
      usage: ws.product === 'bitbucket' ? seats : null,
      capacity: ws.capacity,
      createdAt: ws.product === 'bitbucket' ? null : ws.createdAt,
      createdBy: ws.product === 'bitbucket' || !admin ? null : `ari:cloud:identity::user/${admin.accountId}`,
      hostUrl: ws.hostUrl,
      realm: 'us',
      regions: ['us-east-1'],
    },
    links: { self: `${ctx.baseUrl}/admin/v2/orgs/${org.id}/workspaces/${ws.cloudId}` },
    relationships: {},
  };
}
