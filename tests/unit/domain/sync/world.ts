/**
 * The sync tests' world: the shared in-memory ports (../fakes) wired as a sync consumer sees them, on one fake clock
 * and one kill switch, and a generated organization to fill the fake directory with.
 */
import type { Group } from '../../../../src/domain/model/group';
import type { User } from '../../../../src/domain/model/user';
import type { SyncLimits } from '../../../../src/domain/usecases/sync/budget';
import type { SyncDeps, StartSyncDeps } from '../../../../src/domain/usecases/sync/deps';
import type { HourlyTickDeps } from '../../../../src/domain/usecases/sync/hourlyTick';
import {
  FakeAuditLog,
  FakeClock,
  FakeDirectoryReader,
  FakeGroupRepository,
  FakeJobRepository,
  FakeLock,
  FakeNotifier,
  FakeProductRepository,
  FakeQueue,
  FakeSecretStore,
  FakeSettingsStore,
  FakeSiteDirectory,
  FakeSiteDirectoryRepository,
  FakeSyncRunRepository,
  FakeUserRepository,
  KillSwitch,
  SequentialIds,
  Tables,
} from '../fakes';
import { seeded } from '../../../support/seeded';

export const JIRA = 'ari:cloud:jira::site/site-1';
export const CONFLUENCE = 'ari:cloud:confluence::site/site-1';
export const START = new Date('2025-06-15T01:00:00Z');

export const makeWorld = (limits: Partial<SyncLimits> = {}, start: Date = START) => {
  const clock = new FakeClock(start);
  const power = new KillSwitch();
  const tables = new Tables(power);
  const w = {
    clock,
    power,
    tables,
    users: new FakeUserRepository(tables),
    groups: new FakeGroupRepository(tables),
    products: new FakeProductRepository(tables),
    siteStore: new FakeSiteDirectoryRepository(tables),
    runs: new FakeSyncRunRepository(tables),
    directory: new FakeDirectoryReader(clock, power),
    site: new FakeSiteDirectory(power),
    lock: new FakeLock(clock, power),
    queue: new FakeQueue(clock, power),
    audit: new FakeAuditLog(power),
    secrets: new FakeSecretStore(),
    settings: new FakeSettingsStore(),
    notifier: new FakeNotifier(),
    ids: new SequentialIds('run'),
    jobs: new FakeJobRepository(),
    limits,
  };
  const syncDeps: SyncDeps = w;
  const startDeps: StartSyncDeps = w;
  const tickDeps: HourlyTickDeps = w;
  return { ...w, syncDeps, startDeps, tickDeps };
};
export type World = ReturnType<typeof makeWorld>;

export interface DirectorySize {
  users: number;
  groups?: number;
  seed?: number;
  /** Share of users whose activity the walk does not give. */
  hidden?: number;
  roleMembers?: number;
  customers?: number;
}

const DAY = 86_400_000;

/** Fills the fake directory with a generated organization. */
export const populate = (w: World, size: DirectorySize): void => {
  const random = seeded(size.seed ?? 1);
  const groups: Group[] = Array.from({ length: size.groups ?? 20 }, (_, i) => ({
    id: `g-${String(i).padStart(3, '0')}`,
    name: `group ${i}`,
    description: null,
    idpSynced: i % 7 === 0,
    modifiable: i % 7 !== 0,
    userCount: 0,
    grants: i < 3 ? [{ productKey: 'jira-software', resourceId: JIRA, role: 'user' }] : [],
  }));
  const at = (days: number): Date => new Date(START.getTime() - Math.floor(days) * DAY);
  w.directory.users = Array.from({ length: size.users }, (_, i): User => {
    const memberOf = new Set(Array.from({ length: Math.floor(random() * 4) }, () => Math.floor(random() * groups.length)));
    const picked = [...memberOf].flatMap((k) => (groups[k] === undefined ? [] : [{ id: groups[k].id, name: groups[k].name }]));
    return {
      accountId: `u-${String(i).padStart(6, '0')}`,
      name: `User ${i}`,
      email: `user${i}@example.com`,
      accountType: 'atlassian',
      accountStatus: 'active',
      membershipStatus: 'active',
      managed: random() < 0.8,
      managementSource: 'invited',
      billable: true,
      addedToOrgAt: at(400 + random() * 300),
      productAccess: [
        { productKey: 'jira-software', resourceId: JIRA, lastActiveAt: random() < 0.1 ? null : at(random() * 300) },
        ...(random() < 0.5 ? [{ productKey: 'confluence', resourceId: CONFLUENCE, lastActiveAt: at(random() * 200) }] : []),
      ],
      activityKnown: true,
      groups: picked,
      platformRoles: i === 0 ? ['atlassian/org-admin'] : [],
    };
  });
  w.directory.groups = groups;
  w.directory.products = [
    { key: 'jira-software', resourceId: JIRA, name: 'Jira', siteUrl: 'https://x.atlassian.net', seatCapacity: size.users },
    { key: 'confluence', resourceId: CONFLUENCE, name: 'Confluence', siteUrl: 'https://x.atlassian.net', seatCapacity: null },
  ];
  w.directory.hiddenActivity = new Set(w.directory.users.filter(() => random() < (size.hidden ?? 0.1)).map((u) => u.accountId));
  const ids = w.directory.users.map((u) => u.accountId);
  const someone = (): string => ids[Math.floor(random() * ids.length)] ?? 'nobody';
  w.site.roleMembers = Array.from({ length: size.roleMembers ?? 150 }, (_, i) => ({
    projectKey: `P${i % 5}`, projectName: `Project ${String(i % 5)}`, roleName: i % 2 === 0 ? 'Developers' : 'Users', accountId: someone(), viaGroupId: i % 3 === 0 ? 'g-001' : null,
  }));
  w.site.customers = Array.from({ length: size.customers ?? 120 }, (_, i) => ({
    // every 5th item repeats a customer through an organization, as the JSM API lists them
    serviceDeskId: `sd-${i % 3}`, serviceDeskName: `Desk ${String(i % 3)}`, accountId: `c-${i % 5 === 4 ? i - 3 : i}`, organizationIds: i % 4 === 0 || i % 5 === 4 ? ['org-a'] : [],
  }));
};
