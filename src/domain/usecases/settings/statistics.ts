import type { Group } from '../../model/group';
import type { GroupRepository } from '../../ports/groupRepository';
import type { UserRepository } from '../../ports/userRepository';

export interface StatisticsView {
  totalUsers: number;
  totalGroups: number;
  groups: { id: string; name: string | null; memberCount: number }[];
}

/** S6: users in the org, synced groups, and the synced member count of each chosen group. */
export const getStatistics = async (
  groupIds: readonly string[],
  deps: { users: Pick<UserRepository, 'count'>; groups: GroupRepository },
): Promise<StatisticsView> => {
  const ids = [...new Set(groupIds)];
  const [totalUsers, totalGroups, counts, groups] = await Promise.all([
    deps.users.count(),
    deps.groups.count(),
    deps.groups.memberCounts(ids),
    Promise.all(ids.map((id) => deps.groups.get(id))),
  ]);
  const names = new Map(groups.filter((g): g is Group => g !== null).map((g) => [g.id, g.name]));
  return { totalUsers, totalGroups, groups: ids.map((id) => ({ id, name: names.get(id) ?? null, memberCount: counts[id] ?? 0 })) };
};

/** Group pickers (S5, S6, the users filter): groups whose name starts with `search`, by name, keyset-paged. */
export const searchGroups = async (
  request: { search?: string | undefined; limit: number; after: string | null },
  deps: { groups: GroupRepository },
): Promise<{ items: Pick<Group, 'id' | 'name' | 'userCount' | 'idpSynced' | 'modifiable'>[]; next: string | null }> => {
  const page = await deps.groups.list(request.search ?? null, request.limit, request.after);
  return {
    items: page.items.map((g) => ({ id: g.id, name: g.name, userCount: g.userCount, idpSynced: g.idpSynced, modifiable: g.modifiable })),
    next: page.next,
  };
};
