import type { SyncRun } from '../../model/jobs';
import type { User } from '../../model/user';
import type { GroupMembership } from '../../ports/groupRepository';
import { keepStoredActivity } from './activityMerge';
import { GROUP_CHUNK } from './budget';
import { advanceWalk, counted, nextPhase, withCheckpoint } from './checkpoint';
import { planPhases } from './dataTypes';
import type { SyncDeps } from './deps';
import { exclusively, type Step } from './stepTypes';

const directoryOf = (run: SyncRun): string | undefined => run.checkpoint.directoryIds[run.checkpoint.directoryIndex];

/** Group definitions with their product grants, every directory; groups not seen are deleted at the end. */
export const groupsStep: Step = async (run, { deps, meter }) => {
  const { orgId, cursor } = run.checkpoint;
  const directoryId = directoryOf(run);
  if (directoryId === undefined) return { run: await endGroups(run, deps) };
  const page = await deps.directory.searchGroups(orgId, directoryId, cursor);
  meter.pages += 1;
  await deps.groups.upsertMany(page.items, run.generation);
  const walk = advanceWalk(counted(run, { groups: page.items.length }, 1), page.next);
  return { run: walk.done ? await endGroups(walk.run, deps) : walk.run };
};

const endGroups = async (run: SyncRun, deps: SyncDeps): Promise<SyncRun> => {
  const deleted = await deps.groups.deleteNotSeenSince(run.generation);
  return nextPhase(counted(run, { groupsDeleted: deleted }));
};

/**
 * The full users walk: 100 users per call with product activity and groups. Only when it has seen every user of
 * every directory are the users it did not see marked as having left (before the fallback, which then skips them).
 * A run without the fallback (a users sync without last-active) keeps the activity the synced copy knows for users
 * whose activity the search does not give (Y5, keepStoredActivity); a run with it leaves them to the fallback.
 */
export const usersStep: Step = async (run, context) => {
  const { deps, meter } = context;
  const { orgId, cursor } = run.checkpoint;
  const directoryId = directoryOf(run);
  if (directoryId === undefined) return { run: await exclusively(context, () => endUsers(run, deps)) };
  const page = await deps.directory.searchUsers(orgId, directoryId, cursor);
  meter.pages += 1;
  // Rows these users no longer have go in one pass at the end of the walk (markLeftBefore), not page by page.
  const users = planPhases(run.dataTypes).includes('activity') ? page.items : await keepStoredActivity(page.items, deps.users);
  await exclusively(context, () => deps.users.upsertMany(users, run.generation, { staleRows: 'at-mark-left' }));
  const seen = { ...run, processed: run.processed + page.items.length };
  const walk = advanceWalk(counted(seen, { users: page.items.length }, 1), page.next);
  return { run: walk.done ? await exclusively(context, () => endUsers(walk.run, deps)) : walk.run };
};

const endUsers = async (run: SyncRun, deps: SyncDeps): Promise<SyncRun> => {
  const marked = await deps.users.markLeftBefore(run.generation);
  return nextPhase(withCheckpoint(counted(run, { markedLeft: marked }), { usersWalkComplete: true }));
};

const chunksOf = (ids: readonly string[]): string[][] => {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += GROUP_CHUNK) chunks.push(ids.slice(i, i + GROUP_CHUNK));
  return chunks;
};

/** The memberships of the picked groups among these users' groups, each pair once. */
const pickedMemberships = (users: readonly User[], picked: ReadonlySet<string>): GroupMembership[] => {
  const pairs = new Map<string, GroupMembership>();
  for (const user of users) {
    for (const group of user.groups) {
      if (picked.has(group.id)) pairs.set(`${user.accountId}\u0000${group.id}`, { accountId: user.accountId, groupId: group.id });
    }
  }
  return [...pairs.values()];
};

/**
 * A partial sync of the picked groups' memberships: the users search filtered on ≤ 10 groups at a time. Only the
 * picked groups' membership rows of the users it finds are written (FEATURES Y5): their account fields, products
 * and activity stay as the last sync that read them left them. Afterwards those groups' membership rows it did not
 * refresh are deleted. It never marks users as left: it did not look at everyone.
 */
export const membershipsStep: Step = async (run, { deps, meter }) => {
  const chunks = chunksOf(run.groupIds);
  const { orgId, cursor, chunkIndex } = run.checkpoint;
  const directoryId = directoryOf(run);
  const groupIds = chunks[chunkIndex];
  if (directoryId === undefined || groupIds === undefined) return { run: await endMemberships(run, deps) };
  const page = await deps.directory.searchUsers(orgId, directoryId, cursor, { groupIds });
  meter.pages += 1;
  await deps.groups.upsertMemberships(pickedMemberships(page.items, new Set(run.groupIds)), run.generation);
  const seen = { ...run, processed: run.processed + page.items.length };
  const walk = advanceWalk(counted(seen, { membershipUsers: page.items.length }, 1), page.next, chunks.length);
  return { run: walk.done ? await endMemberships(walk.run, deps) : walk.run };
};

const endMemberships = async (run: SyncRun, deps: SyncDeps): Promise<SyncRun> => {
  const pruned = await deps.groups.deleteMembershipsNotSeenSince(run.groupIds, run.generation);
  return nextPhase(counted(run, { membershipsPruned: pruned }));
};
