/**
 * One simulated world for the preview: the Jira site describes the same accounts and groups as the Admin API
 * simulator's organization, and the person looking at the page is one of the org's admins.
 */
import type { SimOrg, SimUser } from '../admin-api-simulator';
import type { PeopleInput } from '../jira-simulator';

/** Who the preview runs as, and the site they are on: what `getContext` and the resolvers' principal carry. */
export interface PreviewIdentity {
  accountId: string;
  name: string;
  email: string;
  cloudId: string;
  siteUrl: string;
  timezone: string;
}

/** The Jira site's accounts and group memberships, taken from the organization. */
export const peopleOf = (org: SimOrg): PeopleInput => ({
  users: org.users.map((u) => ({
    accountId: u.accountId,
    displayName: u.name,
    email: u.email,
    active: u.accountStatus === 'active',
  })),
  groups: org.groups.map((g) => ({
    groupId: g.id,
    name: g.name,
    members: [...g.members].flatMap((index) => {
      const member = org.users[index];
      return member === undefined ? [] : [member.accountId];
    }),
  })),
});

const isUsableAdmin = (u: SimUser): boolean =>
  u.platformRoles.includes('atlassian/org-admin') && u.accountStatus === 'active' && u.membershipStatus === 'active';

/**
 * The preview user: the first active org admin of the organization (the generator makes users 0–2 org admins), on
 * the first Jira site of the org.
 */
export const previewIdentity = (org: SimOrg): PreviewIdentity => {
  const admin = org.users.find(isUsableAdmin);
  if (admin === undefined) throw new Error('preview: the simulated organization has no active org admin');
  const jira = org.workspaces.find((w) => w.product === 'jira-software') ?? org.workspaces[0];
  if (jira === undefined) throw new Error('preview: the simulated organization has no sites');
  return {
    accountId: admin.accountId,
    name: admin.name,
    email: admin.email,
    cloudId: jira.cloudId,
    siteUrl: jira.hostUrl.replace(/\/+$/, ''),
    timezone: 'Europe/Berlin',
  };
};
