import { defaultSettings } from '../../../../src/domain/model/settings';
import type { User } from '../../../../src/domain/model/user';
import type { SliceDeps } from '../../../../src/domain/usecases/bulk/deps';
import { aGroup, aUser, JIRA_SITE } from '../fixtures';
import { RecordingDirectory } from './fakeDirectory';
import { clockAt, ids, MemoryAudit, MemoryGroups, MemoryJobs, MemoryLock, MemoryQueue, MemorySecrets, MemorySettings, MemoryUsers } from './fakes';

export const admin = { kind: 'admin' as const, accountId: 'me' };
export const jiraAccess = { productKey: 'jira-software', resourceId: JIRA_SITE, lastActiveAt: null };
export const viaGroup = aGroup({ id: 'jira-users', name: 'jira-users', grants: [{ productKey: 'jira-software', resourceId: JIRA_SITE, role: 'atlassian/user' }] });
export const idpGroup = aGroup({ id: 'okta', name: 'okta', idpSynced: true, modifiable: false, grants: viaGroup.grants });

/** A small org: managed, unmanaged, protected, already deactivated, and users with Jira directly, via a group, via IdP. */
export const people = (): User[] => [
  aUser({ accountId: 'u-managed', name: 'Managed' }),
  aUser({ accountId: 'u-external', name: 'External', managed: false }),
  aUser({ accountId: 'u-vip', name: 'Vip', email: 'boss@vip.test' }),
  aUser({ accountId: 'u-off', name: 'Off', accountStatus: 'inactive' }),
  aUser({ accountId: 'u-suspended', name: 'Suspended', managed: false, membershipStatus: 'suspended' }),
  aUser({ accountId: 'u-direct', name: 'Direct', productAccess: [jiraAccess] }),
  aUser({ accountId: 'u-group', name: 'Grouped', productAccess: [jiraAccess], groups: [{ id: 'jira-users', name: 'jira-users' }] }),
  aUser({ accountId: 'u-idp', name: 'Idp', productAccess: [jiraAccess], groups: [{ id: 'okta', name: 'okta' }] }),
];

export type TestDeps = SliceDeps & {
  users: MemoryUsers;
  jobs: MemoryJobs;
  queue: MemoryQueue;
  lock: MemoryLock;
  audit: MemoryAudit;
  directory: RecordingDirectory;
  secrets: MemorySecrets;
  settings: MemorySettings;
  clock: ReturnType<typeof clockAt>;
};

/** The synced copy and the directory's live state start equal (`people()` unless given). */
export const bulkDeps = (users: User[] = people()): TestDeps => ({
  users: new MemoryUsers(users),
  groups: new MemoryGroups([viaGroup, idpGroup]),
  settings: new MemorySettings({ ...defaultSettings(), protectedEmails: ['@vip.test'] }),
  clock: clockAt(),
  jobs: new MemoryJobs(),
  queue: new MemoryQueue(),
  lock: new MemoryLock(),
  ids,
  directory: new RecordingDirectory(users),
  audit: new MemoryAudit(),
  secrets: new MemorySecrets(),
  runs: { latest: () => Promise.resolve(null) },
});

export const plenty = { remainingMs: (): number => 600_000 };
