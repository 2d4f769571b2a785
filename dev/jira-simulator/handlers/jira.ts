/** Jira platform operations: my permissions, project search, project roles and their actors, group members. */
import { jiraPage } from '../http/paging';
import { bare, intParam, jiraError, ok } from '../http/responses';
import type { SitePerson } from '../model';
import type { HandlerContext, HandlerResult, RouteDef } from '../http/types';
import { actorView, projectView, roleView, userDetailsView } from '../views';

const PERMISSION_NAMES: Record<string, string> = {
  ADMINISTER: 'Administer Jira',
  BROWSE_PROJECTS: 'Browse Projects',
  ADMINISTER_PROJECTS: 'Administer Projects',
};

const myPermissions = (ctx: HandlerContext): HandlerResult => {
  const keys = (ctx.query.get('permissions') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  if (keys.length === 0) return jiraError(400, 'The permissions parameter is required.');
  const unknown = keys.find((k) => !(k in PERMISSION_NAMES));
  if (unknown !== undefined) return jiraError(400, `Permission key ${unknown} is not valid.`);
  const admin = ctx.accountId === null ? ctx.site.appIsAdmin : ctx.site.admins.has(ctx.accountId);
  const permissions = Object.fromEntries(
    keys.map((key, i) => [
      key,
      { id: String(i), key, name: PERMISSION_NAMES[key], type: key === 'ADMINISTER' ? 'GLOBAL' : 'PROJECT', description: `Ability to ${key.toLowerCase()}.`, havePermission: admin },
    ]),
  );
  return ok({ permissions });
};

const searchProjects = (ctx: HandlerContext): HandlerResult => {
  const startAt = intParam(ctx.query, 'startAt', 0);
  const requested = intParam(ctx.query, 'maxResults', 50);
  if (startAt === null || requested === null || startAt < 0) return bare(400);
  if (requested < 1) return bare(400);
  const maxResults = Math.min(requested, 100);
  const urlAt = (s: number, m: number): string => `${ctx.baseUrl}/rest/api/3/project/search?startAt=${String(s)}&maxResults=${String(m)}`;
  return ok(jiraPage(ctx.site.projects, startAt, maxResults, urlAt, (p) => projectView(ctx.baseUrl, p)));
};

const projectRoles = (ctx: HandlerContext): HandlerResult => {
  const [idOrKey = ''] = ctx.params;
  const project = ctx.index.projects.get(idOrKey);
  if (!project) return bare(404);
  return ok(Object.fromEntries(project.roles.map((r) => [r.name, `${ctx.baseUrl}/rest/api/3/project/${idOrKey}/role/${String(r.id)}`])));
};

const projectRole = (ctx: HandlerContext): HandlerResult => {
  const [idOrKey = '', roleId = ''] = ctx.params;
  if (!/^\d+$/.test(roleId)) return bare(400);
  const project = ctx.index.projects.get(idOrKey);
  const role = project?.roles.find((r) => r.id === Number(roleId));
  if (!role) return bare(404);
  const excludeInactive = ctx.query.get('excludeInactiveUsers') === 'true';
  const actors = role.actors
    .filter((a) => !(excludeInactive && a.kind === 'user' && ctx.site.people.get(a.accountId)?.active === false))
    .map((a) => actorView(a, ctx.site.people, ctx.index.groupsById));
  return ok(roleView(ctx.baseUrl, idOrKey, role, actors));
};

const groupMembers = (ctx: HandlerContext): HandlerResult => {
  const groupId = ctx.query.get('groupId');
  const groupName = ctx.query.get('groupname');
  if ((groupId === null) === (groupName === null)) return bare(400);
  const group = groupId !== null ? ctx.index.groupsById.get(groupId) : ctx.index.groupsByName.get(groupName ?? '');
  const startAt = intParam(ctx.query, 'startAt', 0);
  const requested = intParam(ctx.query, 'maxResults', 50);
  if (startAt === null || requested === null || startAt < 0 || requested < 1) return bare(400);
  if (!group) return bare(404);
  const maxResults = Math.min(requested, 50);
  const includeInactive = ctx.query.get('includeInactiveUsers') === 'true';
  const members = group.members
    .map((id) => ctx.site.people.get(id))
    .filter((p): p is SitePerson => p !== undefined && (includeInactive || p.active));
  const which = groupId !== null ? `groupId=${encodeURIComponent(groupId)}` : `groupname=${encodeURIComponent(groupName ?? '')}`;
  const urlAt = (s: number, m: number): string =>
    `${ctx.baseUrl}/rest/api/3/group/member?${which}&includeInactiveUsers=${String(includeInactive)}&startAt=${String(s)}&maxResults=${String(m)}`;
  return ok(jiraPage(members, startAt, maxResults, urlAt, (p) => userDetailsView(ctx.baseUrl, p)));
};

/** The Jira platform routes. */
export const jiraRoutes: RouteDef[] = [
  { operation: 'getMyPermissions', family: 'jira', pattern: /^\/rest\/api\/3\/mypermissions$/, handle: myPermissions },
  { operation: 'searchProjects', family: 'jira', pattern: /^\/rest\/api\/3\/project\/search$/, handle: searchProjects },
  { operation: 'getProjectRoles', family: 'jira', pattern: /^\/rest\/api\/3\/project\/([^/]+)\/role$/, handle: projectRoles },
  { operation: 'getProjectRole', family: 'jira', pattern: /^\/rest\/api\/3\/project\/([^/]+)\/role\/([^/]+)$/, handle: projectRole },
  { operation: 'getUsersFromGroup', family: 'jira', pattern: /^\/rest\/api\/3\/group\/member$/, handle: groupMembers },
];
