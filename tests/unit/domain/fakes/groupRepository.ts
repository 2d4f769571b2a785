import type { Group } from '../../../../src/domain/model/group';
import type { GroupMembership, GroupRepository } from '../../../../src/domain/ports/groupRepository';
import { pageOf } from './page';
import { Tables, type MemberRow } from './tables';

/** The synced groups and membership rows over `Tables`, stamped with the generation like the SQL tables. */
export class FakeGroupRepository implements GroupRepository {
  constructor(private readonly t: Tables = new Tables(), groups: readonly Group[] = []) {
    for (const group of groups) t.groups.set(group.id, { group: structuredClone(group), seen: 0 });
  }

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

  get(groupId: string): Promise<Group | null> {
    this.t.op();
    const row = this.t.groups.get(groupId);
    return Promise.resolve(row === undefined ? null : structuredClone(row.group));
  }

  getMany(groupIds: readonly string[]): Promise<Group[]> {
    this.t.op();
    const found = [...new Set(groupIds)].flatMap((id) => { const row = this.t.groups.get(id); return row ? [structuredClone(row.group)] : []; });
    return Promise.resolve(found);
  }

  /** Groups whose name starts with `search`, by name. */
  list(search: string | null, limit: number, after: string | null): Promise<{ items: Group[]; next: string | null }> {
    this.t.op();
    const found = [...this.t.groups.values()]
      .map((row) => row.group)
      .filter((g) => search === null || g.name.startsWith(search))
      .sort((a, b) => a.name.localeCompare(b.name));
    return Promise.resolve(structuredClone(pageOf(found, limit, after)));
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
}
