import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../cursor';
import type { SimEvent } from '../model';
import { HttpError, type HandlerContext, type SimRequest, type SimResponse } from '../http/route';
import { requireOrg } from './common';

const QuerySchema = z.object({
  from: z.number().nullable(),
  to: z.number().nullable(),
  limit: z.number(),
  sortOrder: z.enum(['asc', 'desc']),
});
type Query = z.infer<typeof QuerySchema>;

function epoch(raw: string | null): number | null {
  if (raw === null) return null;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) throw new HttpError(400, 'ADMIN-400-3', 'Invalid time/date');
  return n;
}

function limitOf(raw: string | null): number {
  const n = raw === null ? 200 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new HttpError(400, 'ADMIN-400-21', 'Invalid query count');
  return n;
}

/**
 * GET /admin/v1/orgs/{orgId}/events-stream: events in processing order. The cursor (meta.next) keeps position and
 * sort order; at the end it stays valid, so polling with it later returns only new events.
 */
export function eventsStream(req: SimRequest, ctx: HandlerContext): SimResponse {
  requireOrg(ctx, req.params.orgId);
  const cursor = req.query.get('cursor');
  const { query, offset } = cursor !== null
    ? decodeCursor(cursor, 'events', (q) => QuerySchema.parse(q))
    : { offset: -1, query: {
      from: epoch(req.query.get('from')),
      to: epoch(req.query.get('to')),
      limit: limitOf(req.query.get('limit')),
      sortOrder: req.query.get('sortOrder') === 'desc' ? 'desc' : 'asc',
    } satisfies Query };
  const events = ctx.state.org.events;
  const asc = query.sortOrder === 'asc';
  const inRange = (e: SimEvent): boolean => (query.from === null || e.time >= query.from) && (query.to === null || e.time <= query.to);
  const picked: number[] = [];
  let i = offset >= 0 ? offset : asc ? 0 : events.length - 1;
  for (; asc ? i < events.length : i >= 0; i += asc ? 1 : -1) {
    const e = events[i];
    if (e && inRange(e)) {
      if (picked.length === query.limit) break;
      picked.push(i);
    }
  }
  const more = asc ? i < events.length : i >= 0;
  const next = encodeCursor({ kind: 'events', query, offset: i });
  const base = `${ctx.baseUrl}/admin/v1/orgs/${ctx.state.org.id}/events-stream`;
  const data = picked.map((n) => events[n]).filter((e) => e !== undefined).map((e) => view(ctx, e));
  return {
    status: 200,
    body: {
      data,
      meta: { next, page_size: data.length },
      links: { self: `${base}${cursor === null ? '' : `?cursor=${cursor}`}`, ...(more ? { next: `${base}?cursor=${next}` } : {}) },
    },
  };
}

function view(ctx: HandlerContext, e: SimEvent): Record<string, unknown> {
  const time = new Date(e.time).toISOString();
  const orgId = ctx.state.org.id;
  return {
    id: e.id,
    type: 'events',
    attributes: {
      time,
      processedAt: time,
      action: e.action,
      actor: { id: e.actorId, auth: { authType: 'api-token', tokenId: e.actorId } },
      context: e.context.map((c) => ({ id: c.id, type: c.type })),
      container: [{ id: orgId, type: 'orgs' }],
      location: { ip: '203.0.113.10', countryName: 'United States', regionName: 'Virginia', city: 'Ashburn' },
    },
    links: { self: `${ctx.baseUrl}/admin/v1/orgs/${orgId}/events/${e.id}` },
  };
}
