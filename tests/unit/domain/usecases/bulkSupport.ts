import { defaultSettings } from '../../../../src/domain/model/settings';
import type { User } from '../../../../src/domain/model/user';
import type { SliceDeps } from '../../../../src/domain/usecases/bulk/deps';
import { aGroup, aUser, JIRA_SITE } from '../fixtures';
import {
  FakeAuditLog,
  FakeClock,
  FakeDirectoryActions,
  FakeGroupRepository,
  FakeJobRepository,
  FakeLock,
  FakeQueue,
  FakeSecretStore,
  FakeSettingsStore,
  FakeSyncRunRepository,
  FakeUserRepository,
  SequentialIds,
  Tables,
} from '../fakes';

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
  users: FakeUserRepository;
  jobs: FakeJobRepository;
  queue: FakeQueue;
  lock: FakeLock;
  audit: FakeAuditLog;
  directory: FakeDirectoryActions;
  secrets: FakeSecretStore;
  settings: FakeSettingsStore;
  clock: FakeClock;
};

/** The synced copy and the directory's live state start equal (`people()` unless given). */
export const bulkDeps = (users: User[] = people()): TestDeps => {
  const tables = new Tables();
  const clock = new FakeClock();
  return {
    users: new FakeUserRepository(tables, users),
    groups: new FakeGroupRepository(tables, [viaGroup, idpGroup]),
    settings: new FakeSettingsStore({ ...defaultSettings(), protectedEmails: ['@vip.test'] }),
    clock,
    jobs: new FakeJobRepository(),
    queue: new FakeQueue(clock),
    lock: new FakeLock(clock),
    ids: new SequentialIds(),
    directory: new FakeDirectoryActions(users),
    audit: new FakeAuditLog(),
    secrets: new FakeSecretStore(),
    runs: new FakeSyncRunRepository(tables),
  };
};

export const plenty = { remainingMs: (): number => 600_000 };
