import { decodeCursor, scanPage } from '../cursor';
import type { HandlerContext, SimRequest, SimResponse } from '../http/route';
import { queryInt, requireOrg } from './common';
import { z } from 'zod';

/** GET /admin/v1/orgs: the one org the key belongs to (v1 links are URLs, not bare cursors). */
export function getOrgs(req: SimRequest, ctx: HandlerContext): SimResponse {
  const cursor = req.query.get('cursor');
  if (cursor !== null) decodeCursor(cursor, 'orgs', (q) => q);
  const { org } = ctx.state;
  const base = `${ctx.baseUrl}/admin/v1/orgs/${org.id}`;
  return {
    status: 200,
    body: {
      data: [{
        id: org.id,
        type: 'orgs',
        attributes: { name: org.name },
        relationships: {
          domains: { links: { related: `${base}/domains` } },
          users: { links: { related: `${base}/users` } },
        },
        links: { self: base },
      }],
      links: { self: `${ctx.baseUrl}/admin/v1/orgs` },
    },
  };
}

const DirQuery = z.object({ limit: z.number(), searchTerm: z.string().nullable(), ids: z.array(z.string()).nullable(), accountId: z.string().nullable() });

/** GET /admin/v2/orgs/{orgId}/directories */
export function getDirectories(req: SimRequest, ctx: HandlerContext): SimResponse {
  requireOrg(ctx, req.params.orgId);
  const cursor = req.query.get('cursor');
  const { query, offset } = cursor !== null
    ? decodeCursor(cursor, 'directories', (q) => DirQuery.parse(q))
    : {
      offset: 0,
      query: {
        limit: queryInt(req.query, 'limit', 1, 100, 20),
        searchTerm: req.query.get('searchTerm'),
        ids: req.query.getAll('directoryIds').length > 0 ? req.query.getAll('directoryIds') : null,
        accountId: req.query.get('accountId'),
      },
    };
  const dirs = ctx.state.org.directories;
  const member = query.accountId === null ? null : ctx.state.user(query.accountId);
  const page = scanPage(dirs.length, (i) => {
    const d = dirs[i];
    if (!d) return false;
    if (query.ids && !query.ids.includes(d.id)) return false;
    if (query.searchTerm !== null && !d.name.toLowerCase().includes(query.searchTerm.toLowerCase())) return false;
    if (query.accountId !== null && member?.directory !== d.index) return false;
    return true;
  }, { kind: 'directories', query, start: offset, limit: query.limit });
  const data = page.indices.map((i) => dirs[i]).filter((d) => d !== undefined)
    .map((d) => ({ directoryId: d.id, name: d.name, icon: `https://icon.example.com/directory/${String(d.index)}.png` }));
  return { status: 200, body: { data, links: page.links } };
}
