import { z } from 'zod';
import { decodeCursor, scanPage } from '../cursor';
import type { SimApiKey } from '../model';
import { HttpError, type HandlerContext, type SimRequest, type SimResponse } from '../http/route';

const PAGE_SIZES = [5, 10, 20, 25, 40, 50, 60, 75, 80, 100];
const SORTS = ['label', '-label', 'createdBy.name', '-createdBy.name', 'expiresAt', '-expiresAt', 'lastActiveAt', '-lastActiveAt'];
const QuerySchema = z.object({ pageSize: z.number(), sort: z.string(), q: z.string().nullable() });

/**
 * GET /admin/api-access/v1/orgs/{orgId}/api-keys: the keys the simulator knows, with `expiresAt`. Needs an unscoped
 * key or the `read:keys:admin` scope (403 otherwise). Each key carries `keyType: "CLOUD_ADMIN"`: the spec requires
 * `keyType` but never defines it; the value is the only one its `keyType` query filter knows.
 */
export function listApiKeys(req: SimRequest, ctx: HandlerContext): SimResponse {
  if (req.params.orgId !== ctx.state.org.id) throw new HttpError(403, 'GENERIC_ERROR', 'Not allowed for this organization');
  const cursor = req.query.get('cursor');
  const rawSize = req.query.get('pageSize');
  const pageSize = rawSize === null ? 20 : Number(rawSize);
  if (!PAGE_SIZES.includes(pageSize)) throw new HttpError(400, 'INVALID_PAGE_SIZE', 'Invalid pageSize');
  const sort = req.query.get('sort') ?? '-lastActiveAt';
  if (!SORTS.includes(sort)) throw new HttpError(400, 'INVALID_SORT', 'Invalid sort');
  const { query, offset } = cursor !== null
    ? decodeCursor(cursor, 'api-keys', (q) => QuerySchema.parse(q))
    : { query: { pageSize, sort, q: req.query.get('q') }, offset: 0 };
  const keys = sorted(ctx.state.keys, query.sort).filter((k) => query.q === null || k.label.includes(query.q));
  const page = scanPage(keys.length, () => true, { kind: 'api-keys', query, start: offset, limit: query.pageSize });
  const admin = ctx.state.org.users[0];
  const data = page.indices.map((i) => keys[i]).filter((k) => k !== undefined).map((k) => ({
    id: k.id,
    label: k.label,
    keyType: 'CLOUD_ADMIN',
    createdAt: new Date(k.createdAt).toISOString(),
    expiresAt: new Date(k.expiresAt).toISOString(),
    lastActiveAt: new Date(k.lastActiveAt).toISOString(),
    systemAccountId: `sim-system-${k.id}`,
    resource: `ari:cloud:platform::org/${ctx.state.org.id}`,
    orgId: ctx.state.org.id,
    createdBy: { id: admin?.accountId ?? '', name: admin?.name ?? '', email: admin?.email ?? '' },
    scopes: k.scopes ?? [],
  }));
  return { status: 200, body: { data, links: page.links } };
}

function sorted(keys: SimApiKey[], sort: string): SimApiKey[] {
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const value = (k: SimApiKey): string | number =>
    field === 'label' ? k.label : field === 'expiresAt' ? k.expiresAt : field === 'lastActiveAt' ? k.lastActiveAt : '';
  return [...keys].sort((a, b) => {
    const va = value(a), vb = value(b);
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return desc ? -c : c;
  });
}
