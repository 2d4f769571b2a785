/** JSM operations: service desks, a desk's customers and organizations, organizations and their users. */
import type { SitePerson } from '../model';
import { jsmPage } from '../http/paging';
import { intParam, jsmError, ok } from '../http/responses';
import type { HandlerContext, HandlerResult, RouteDef } from '../http/types';
import { jsmUserView, organizationView, serviceDeskView } from '../views';

/** Server-side maximum page size of every JSM list the simulator serves (an "implementation detail"). */
export const JSM_MAX_PAGE = 50;

const paged = <T>(ctx: HandlerContext, all: readonly T[], path: string, view: (item: T) => unknown): HandlerResult => {
  const start = intParam(ctx.query, 'start', 0);
  const limit = intParam(ctx.query, 'limit', 50);
  if (start === null || limit === null || start < 0 || limit < 1) {
    return jsmError(400, 'The start and limit parameters must be non-negative integers.', 'sd.paging.invalid');
  }
  const base = `${ctx.baseUrl}/rest/servicedeskapi`;
  const urlAt = (s: number, l: number): string => `${base}${path}?start=${String(s)}&limit=${String(l)}`;
  return ok(jsmPage(all, start, limit, JSM_MAX_PAGE, base, urlAt, view));
};

/** The people behind account ids (ids the site does not know are left out), and their UserDTO view. */
const people = (ctx: HandlerContext, ids: readonly string[]): SitePerson[] =>
  ids.map((id) => ctx.site.people.get(id)).filter((p): p is SitePerson => p !== undefined);
const userView =
  (ctx: HandlerContext) =>
  (p: SitePerson): unknown =>
    jsmUserView(ctx.baseUrl, p);

const notFound = (what: string): HandlerResult => jsmError(404, `${what} does not exist.`, 'sd.error.not.found');

const serviceDesks = (ctx: HandlerContext): HandlerResult =>
  paged(ctx, ctx.site.serviceDesks, '/servicedesk', (d) => serviceDeskView(ctx.baseUrl, d));

const customers = (ctx: HandlerContext): HandlerResult => {
  if (ctx.headers.get('x-experimentalapi') !== 'opt-in') {
    return jsmError(412, 'This is an experimental API. Send the X-ExperimentalApi: opt-in header.', 'sd.experimental.api.opt.in');
  }
  const [id = ''] = ctx.params;
  const desk = ctx.index.serviceDesks.get(id);
  if (!desk) return notFound(`Service desk ${id}`);
  return paged(ctx, people(ctx, desk.customers), `/servicedesk/${id}/customer`, userView(ctx));
};

const deskOrganizations = (ctx: HandlerContext): HandlerResult => {
  const [id = ''] = ctx.params;
  const desk = ctx.index.serviceDesks.get(id);
  if (!desk) return notFound(`Service desk ${id}`);
  const orgs = desk.organizationIds
    .map((o) => ctx.index.organizations.get(o))
    .filter((o) => o !== undefined);
  return paged(ctx, orgs, `/servicedesk/${id}/organization`, (o) => organizationView(ctx.baseUrl, o));
};

const organizations = (ctx: HandlerContext): HandlerResult => {
  const accountId = ctx.query.get('accountId');
  const orgs = ctx.index.organizationList.filter((o) => accountId === null || o.members.includes(accountId));
  return paged(ctx, orgs, '/organization', (o) => organizationView(ctx.baseUrl, o));
};

const organizationUsers = (ctx: HandlerContext): HandlerResult => {
  const [id = ''] = ctx.params;
  if (!/^\d+$/.test(id)) return jsmError(400, `Organization id ${id} is not a number.`, 'sd.organization.id.invalid');
  const org = ctx.index.organizations.get(id);
  if (!org) return notFound(`Organization ${id}`);
  return paged(ctx, people(ctx, org.members), `/organization/${id}/user`, userView(ctx));
};

const jsm = (operation: RouteDef['operation'], pattern: RegExp, handle: RouteDef['handle']): RouteDef => ({ operation, family: 'jsm', pattern, handle });

/** The JSM routes. */
export const jsmRoutes: RouteDef[] = [
  jsm('getServiceDesks', /^\/rest\/servicedeskapi\/servicedesk$/, serviceDesks),
  jsm('getCustomers', /^\/rest\/servicedeskapi\/servicedesk\/([^/]+)\/customer$/, customers),
  jsm('getServiceDeskOrganizations', /^\/rest\/servicedeskapi\/servicedesk\/([^/]+)\/organization$/, deskOrganizations),
  jsm('getOrganizations', /^\/rest\/servicedeskapi\/organization$/, organizations),
  jsm('getUsersInOrganization', /^\/rest\/servicedeskapi\/organization\/([^/]+)\/user$/, organizationUsers),
];
