import type { SyncRun } from '../../model/jobs';
import type { User } from '../../model/user';
import type { GroupMembership } from '../../ports/groupRepository';
import { GROUP_CHUNK } from './budget';
import { advanceWalk, counted, directoryOf } from './checkpoint';
import type { SyncDeps } from './deps';
import type { Step } from './stepTypes';
import { nextPhase } from './syncPlan';

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

const endMemberships = async (run: SyncRun, deps: SyncDeps): Promise<SyncRun> => {
  const pruned = await deps.groups.deleteMembershipsNotSeenSince(run.groupIds, run.generation);
  return nextPhase(counted(run, { membershipsPruned: pruned }));
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
