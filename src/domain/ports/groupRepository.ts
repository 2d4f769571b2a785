import type { Group } from '../model/group';

/** Synced directory groups and their memberships. */
export interface GroupRepository {
  upsertMany(groups: readonly Group[], generation: number): Promise<void>;
  get(groupId: string): Promise<Group | null>;
  list(search: string | null, limit: number, after: string | null): Promise<{ items: Group[]; next: string | null }>;
  memberCounts(groupIds: readonly string[]): Promise<Record<string, number>>;
  count(): Promise<number>;
}
