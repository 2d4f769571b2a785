import { accessibleWorkspaces } from '../access';
import { profileOf } from '../generator/profiles';
import type { SimUser } from '../model';
import { statusOf } from '../access';
import type { SimulatorState } from '../state';

/** Expand options of users/search. */
export type UserExpand = 'platformRoles' | 'counts.resources' | 'productAccess' | 'groups';

/**
 * A MultiDirectoryUser. `productAccess` lists every product the user can reach; `lastActiveTimestamp` is absent
 * for never-active products and for the users the generator marked `activityHidden`. `groups[].id` is the group
 * ARI (as the spec's example shows); groups/search returns the bare id.
 */
export function userView(
  state: SimulatorState,
  u: SimUser,
  expand: ReadonlySet<UserExpand>,
  directory: number | null,
): Record<string, unknown> {
  const profile = profileOf(u.profile);
  const view: Record<string, unknown> = {
    accountId: u.accountId,
    accountType: 'atlassian',
    status: statusOf(u),
    accountStatus: u.accountStatus,
    membershipStatus: u.membershipStatus,
    addedToOrg: new Date(u.addedToOrg).toISOString(),
    name: u.name,
    nickname: u.nickname,
    email: u.email,
    emailVerified: true,
    claimStatus: u.claimStatus,
    picture: `https://avatar.example.com/${u.accountId}/picture.png`,
    avatar: `https://avatar.example.com/${u.accountId}/avatar.png`,
    managementSource: u.managementSource,
    mfaEnabled: u.mfaEnabled,
    jobTitle: profile.jobTitle,
    department: profile.department,
    organization: state.org.name,
    location: profile.location,
    timeZone: profile.timeZone,
    links: { self: Buffer.from(`user:${u.accountId}`).toString('base64url') },
  };
  if (expand.has('platformRoles')) view.platformRoles = [...u.platformRoles];
  const workspaces = expand.has('productAccess') || expand.has('counts.resources')
    ? accessibleWorkspaces(state.org, u)
    : [];
  if (expand.has('counts.resources')) view.counts = { resources: workspaces.length };
  if (expand.has('productAccess')) {
    view.productAccess = workspaces.map((w) => {
      const ws = state.org.workspaces[w];
      const at = u.activityHidden ? null : state.lastActive(u, w);
      return {
        key: ws?.product ?? '',
        id: ws?.id ?? '',
        ...(at === null ? {} : { lastActiveTimestamp: new Date(at).toISOString() }),
      };
    });
  }
  if (expand.has('groups')) {
    view.groups = u.groups
      .map((g) => state.org.groups[g])
      .filter((g) => g !== undefined && (directory === null || g.directory === directory))
      .map((g) => ({ id: `ari:cloud:identity::group/${g?.id ?? ''}`, name: g?.name ?? null, description: g?.description ?? null }));
  }
  return view;
}
