import type { Group } from '../model/group';

/** One user's membership of one group, as a group-memberships sync read it. */
export interface GroupMembership {
  accountId: string;
  groupId: string;
}

/** Synced directory groups and their memberships. */
export interface GroupRepository {
  upsertMany(groups: readonly Group[], generation: number): Promise<void>;
  /**
   * Writes membership rows only, stamped with `generation` (FEATURES Y5: a group-memberships sync changes nothing
   * else of the users it finds: not their account fields, products or activity). A user the synced copy does not
   * hold yet gets the row too; the next users sync writes the user.
   */
  upsertMemberships(memberships: readonly GroupMembership[], generation: number): Promise<void>;
  /** Deletes groups (and their grants) a finished groups sync did not see; returns how many. */
  deleteNotSeenSince(generation: number): Promise<number>;
  /**
   * After a sync re-read the members of `groupIds` (user and membership upserts stamp each row with the generation):
   * deletes those groups' membership rows older than `generation`, i.e. members who were removed; returns how many.
   */
  deleteMembershipsNotSeenSince(groupIds: readonly string[], generation: number): Promise<number>;
  get(groupId: string): Promise<Group | null>;
  /** The synced groups among `groupIds`, with what each grants (by primary key: fast at any org size); unknown ids are left out. */
  getMany(groupIds: readonly string[]): Promise<Group[]>;
  list(search: string | null, limit: number, after: string | null): Promise<{ items: Group[]; next: string | null }>;
  /** Synced members of each group who are still in the org (S6); 0 for unknown groups. */
  memberCounts(groupIds: readonly string[]): Promise<Record<string, number>>;
  count(): Promise<number>;
}
