import type { Group } from '../../../../src/domain/model/group';
import type { Product } from '../../../../src/domain/model/product';
import type { User } from '../../../../src/domain/model/user';
import type { GroupMembership, GroupRepository } from '../../../../src/domain/ports/groupRepository';
import type { UserRepository } from '../../../../src/domain/ports/userRepository';
import type { KillSwitch } from './faults';

interface UserRow { user: User; seen: number; left: number | null }
interface MemberRow { name: string; seen: number }

const notUsed = (): Promise<never> => Promise.reject(new Error('not used by the sync'));
const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);

/** The app's tables as the SQL adapter keeps them: users, memberships (stamped per row), groups, products, site rows. */
export class Tables {
  users = new Map<string, UserRow>();
  /** Membership rows by account, then group. */
  members = new Map<string, Map<string, MemberRow>>();
  groups = new Map<string, { group: Group; seen: number }>();
  products = new Map<string, { product: Product; seen: number }>();
  roleMembers = new Map<string, number>();
  customers = new Map<string, number>();
  statements = 0;

  constructor(readonly power: KillSwitch) {}

  /** Every repository call: one SQL request, and a point where the consumer may be killed. */
  op(): void {
    this.power.tick();
    this.statements += 1;
  }

  readUser(accountId: string): User | null {
    const row = this.users.get(accountId);
    if (row === undefined) return null;
    const groups = [...(this.members.get(accountId) ?? new Map<string, MemberRow>())]
      .map(([id, m]) => ({ id, name: m.name }))
      .sort(byId);
    return structuredClone({ ...row.user, groups });
  }
}

export class FakeUserRepository implements UserRepository {
  constructor(private readonly t: Tables) {}

  upsertMany(users: readonly User[], generation: number): Promise<void> {
    this.t.op();
    for (const user of users) {
      this.t.users.set(user.accountId, { user: structuredClone(user), seen: generation, left: null });
      this.t.members.set(user.accountId, new Map(user.groups.map((g) => [g.id, { name: g.name, seen: generation }])));
    }
    return Promise.resolve();
  }

  get(accountId: string): Promise<User | null> {
    this.t.op();
    return Promise.resolve(this.t.readUser(accountId));
  }

  getMany(accountIds: readonly string[]): Promise<User[]> {
    this.t.op();
    return Promise.resolve(accountIds.flatMap((id) => this.t.readUser(id) ?? []));
  }

  markLeftBefore(generation: number): Promise<number> {
    this.t.op();
    let marked = 0;
    for (const row of this.t.users.values()) {
      if (row.seen < generation && row.left === null) {
        row.left = generation;
        row.user.membershipStatus = 'no_membership';
        marked += 1;
      }
    }
    return Promise.resolve(marked);
  }

  withUnknownActivity(limit: number, after: string | null, seenIn?: number): Promise<string[]> {
    this.t.op();
    const ids = [...this.t.users.values()]
      .filter((r) => !r.user.activityKnown && r.left === null && (after === null || r.user.accountId > after))
      .filter((r) => seenIn === undefined || r.seen === seenIn)
      .map((r) => r.user.accountId)
      .sort();
    return Promise.resolve(ids.slice(0, limit));
  }

  count(): Promise<number> {
    this.t.op();
    return Promise.resolve([...this.t.users.values()].filter((r) => r.left === null).length);
  }

  list = notUsed;
  countMatching = notUsed;
}

export class FakeGroupRepository implements GroupRepository {
  constructor(private readonly t: Tables) {}

  upsertMany(groups: readonly Group[], generation: number): Promise<void> {
    this.t.op();
    for (const group of groups) this.t.groups.set(group.id, { group: structuredClone(group), seen: generation });
    return Promise.resolve();
  }

  upsertMemberships(memberships: readonly GroupMembership[], generation: number): Promise<void> {
    this.t.op();
    for (const { accountId, groupId } of memberships) {
      const rows = this.t.members.get(accountId) ?? new Map<string, MemberRow>();
      rows.set(groupId, { name: this.t.groups.get(groupId)?.group.name ?? '', seen: generation });
      this.t.members.set(accountId, rows);
    }
    return Promise.resolve();
  }

  deleteNotSeenSince(generation: number): Promise<number> {
    this.t.op();
    const stale = [...this.t.groups.values()].filter((g) => g.seen < generation).map((g) => g.group.id);
    for (const id of stale) this.t.groups.delete(id);
    for (const rows of this.t.members.values()) for (const id of stale) rows.delete(id);
    return Promise.resolve(stale.length);
  }

  deleteMembershipsNotSeenSince(groupIds: readonly string[], generation: number): Promise<number> {
    this.t.op();
    let deleted = 0;
    for (const rows of this.t.members.values()) {
      for (const [groupId, m] of rows) {
        if (groupIds.includes(groupId) && m.seen < generation) {
          rows.delete(groupId);
          deleted += 1;
        }
      }
    }
    return Promise.resolve(deleted);
  }

  count(): Promise<number> {
    this.t.op();
    return Promise.resolve(this.t.groups.size);
  }

  memberCounts(groupIds: readonly string[]): Promise<Record<string, number>> {
    this.t.op();
    const counts: Record<string, number> = Object.fromEntries(groupIds.map((id) => [id, 0]));
    for (const [accountId, rows] of this.t.members) {
      if (this.t.users.get(accountId)?.left !== null) continue;
      for (const id of rows.keys()) if (id in counts) counts[id] = (counts[id] ?? 0) + 1;
    }
    return Promise.resolve(counts);
  }

  get = notUsed;
  list = notUsed;
}
