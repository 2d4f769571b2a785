import type { SyncRun } from '../../model/jobs';
import { keepStoredActivity } from './activityMerge';
import { advanceWalk, counted, directoryOf, withCheckpoint } from './checkpoint';
import type { SyncDeps } from './deps';
import type { Step } from './stepTypes';
import { hasActivityStream, nextPhase } from './syncPlan';

const endUsers = async (run: SyncRun, deps: SyncDeps): Promise<SyncRun> => {
  const marked = await deps.users.markLeftBefore(run.generation);
  return nextPhase(withCheckpoint(counted(run, { markedLeft: marked }), { usersWalkComplete: true }));
};

/**
 * The full users walk: 100 users per call with product activity and groups. Only when it has seen every user of
 * every directory are the users it did not see marked as having left (the activity stream's final pass then skips
 * them). Each user is stored with the directory it was read from (the B2 hand-off names it).
 * A run without the fallback (a users sync without last-active) keeps the activity the synced copy knows for users
 * whose activity the search does not give (Y5, keepStoredActivity); a run with it leaves them to the fallback.
 */
export const usersStep: Step = async (run, { deps, meter }) => {
  const { orgId, cursor } = run.checkpoint;
  const directoryId = directoryOf(run);
  if (directoryId === undefined) return { run: await endUsers(run, deps) };
  const page = await deps.directory.searchUsers(orgId, directoryId, cursor);
  meter.pages += 1;
  // Rows these users no longer have go in one pass at the end of the walk (markLeftBefore), not page by page.
  const directory = { id: directoryId, name: run.checkpoint.directoryNames[directoryId] ?? '' };
  const read = page.items.map((user) => ({ ...user, directory }));
  const users = hasActivityStream(run.dataTypes) ? read : await keepStoredActivity(read, deps.users);
  await deps.users.upsertMany(users, run.generation, { staleRows: 'at-mark-left' });
  const seen = { ...run, processed: run.processed + page.items.length };
  const walk = advanceWalk(counted(seen, { users: page.items.length }, 1), page.next);
  return { run: walk.done ? await endUsers(walk.run, deps) : walk.run };
};
