/** The simulator's model turned into the shapes the Jira platform and JSM documents define. */
import type { SiteActor, SiteGroup, SiteOrganization, SitePerson, SiteProject, SiteRole, SiteServiceDesk } from './model';

const avatars = (baseUrl: string, kind: 'projectavatar' | 'useravatar', id: string): Record<string, string> => ({
  '16x16': `${baseUrl}/secure/${kind}?size=xsmall&id=${id}`,
  '24x24': `${baseUrl}/secure/${kind}?size=small&id=${id}`,
  '32x32': `${baseUrl}/secure/${kind}?size=medium&id=${id}`,
  '48x48': `${baseUrl}/secure/${kind}?size=large&id=${id}`,
});

/** `Project` as project/search lists it. */
export const projectView = (baseUrl: string, p: SiteProject): Record<string, unknown> => ({
  expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
  self: `${baseUrl}/rest/api/3/project/${p.id}`,
  id: p.id,
  key: p.key,
  name: p.name,
  avatarUrls: avatars(baseUrl, 'projectavatar', p.id),
  projectTypeKey: p.typeKey,
  simplified: false,
  style: 'classic',
  isPrivate: false,
  properties: {},
});

/** `RoleActor`: user actors carry `actorUser`, group actors `actorGroup` (and the deprecated `name`). */
export const actorView = (
  a: SiteActor,
  people: ReadonlyMap<string, SitePerson>,
  groups: ReadonlyMap<string, SiteGroup>,
): Record<string, unknown> => {
  if (a.kind === 'user') {
    const name = people.get(a.accountId)?.displayName ?? 'Former user';
    return { id: a.id, displayName: name, type: 'atlassian-user-role-actor', actorUser: { accountId: a.accountId } };
  }
  const name = groups.get(a.groupId)?.name ?? a.groupId;
  return {
    id: a.id,
    displayName: name,
    name,
    type: 'atlassian-group-role-actor',
    actorGroup: { displayName: name, name, groupId: a.groupId },
  };
};

/** `ProjectRole` of one project with its actors. */
export const roleView = (
  baseUrl: string,
  projectIdOrKey: string,
  role: SiteRole,
  actors: Record<string, unknown>[],
): Record<string, unknown> => ({
  self: `${baseUrl}/rest/api/3/project/${projectIdOrKey}/role/${String(role.id)}`,
  name: role.name,
  id: role.id,
  description: role.description,
  actors,
});

/** `UserDetails` as group/member lists it. */
export const userDetailsView = (baseUrl: string, p: SitePerson): Record<string, unknown> => ({
  self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(p.accountId)}`,
  accountId: p.accountId,
  accountType: p.accountType,
  ...(p.email === null ? {} : { emailAddress: p.email }),
  avatarUrls: avatars(baseUrl, 'useravatar', encodeURIComponent(p.accountId)),
  displayName: p.displayName,
  active: p.active,
  timeZone: p.timeZone,
});

/** JSM `UserDTO` (customers, organization users). */
export const jsmUserView = (baseUrl: string, p: SitePerson): Record<string, unknown> => ({
  accountId: p.accountId,
  ...(p.email === null ? {} : { emailAddress: p.email }),
  displayName: p.displayName,
  active: p.active,
  timeZone: p.timeZone,
  _links: {
    jiraRest: `${baseUrl}/rest/api/2/user?accountId=${encodeURIComponent(p.accountId)}`,
    avatarUrls: avatars(baseUrl, 'useravatar', encodeURIComponent(p.accountId)),
    self: `${baseUrl}/rest/api/2/user?accountId=${encodeURIComponent(p.accountId)}`,
  },
});

/** JSM `ServiceDeskDTO`. */
export const serviceDeskView = (baseUrl: string, d: SiteServiceDesk): Record<string, unknown> => ({
  id: d.id,
  projectId: d.projectId,
  projectName: d.projectName,
  projectKey: d.projectKey,
  _links: { self: `${baseUrl}/rest/servicedeskapi/servicedesk/${d.id}` },
});

/** JSM `OrganizationDTO` with its `DateDTO`. */
export const organizationView = (baseUrl: string, o: SiteOrganization): Record<string, unknown> => {
  const iso = new Date(o.createdAt).toISOString();
  return {
    id: o.id,
    name: o.name,
    created: { epochMillis: o.createdAt, friendly: iso.slice(0, 10), iso8601: iso.replace('.000Z', '+0000'), jira: iso.replace('Z', '+0000') },
    _links: { self: `${baseUrl}/rest/servicedeskapi/organization/${o.id}` },
  };
};
